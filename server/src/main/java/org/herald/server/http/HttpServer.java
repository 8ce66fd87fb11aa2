package org.herald.server.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Herald's one HTTP port (Netty): health, XCAP, the push APIs and WebSocket endpoints. Netty only frames
 * requests; handlers run on virtual threads (they may block on storage) with Netty-free
 * {@link HttpRequest}/{@link HttpResponse}. Requests of one connection are answered in order.
 *
 * <p>Routing, first match wins: the exact {@code "METHOD /path"} routes of the first map (whose
 * handlers answer status and JSON), then {@link HttpRoute}s, exact before prefix and longer prefixes
 * first; nothing matched is a JSON 404. A body above the route's limit is a 413. Before all of them, a
 * request with {@code Upgrade: websocket} on the exact path of a {@link WebSocketRoute} is upgraded and
 * its connection leaves HTTP for good ({@link WebSocketChannel}).
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

    /** What a JSON route answers. */
    public record Reply(int status, String json) {}

    /** A JSON route on an exact method and path. */
    @FunctionalInterface
    public interface Route {
        Reply handle(FullHttpRequest request);
    }

    private final EventLoopGroup group;
    private final Channel channel;
    private final ExecutorService handlers;

    private HttpServer(EventLoopGroup group, Channel channel, ExecutorService handlers) {
        this.group = group;
        this.channel = channel;
        this.handlers = handlers;
    }

    public static HttpServer start(String host, int port, Map<String, Route> routes) {
        return start(host, port, routes, List.of());
    }

    /**
     * @param routes JSON routes by {@code "METHOD /path"}
     * @param more   routes with headers and bytes, e.g. {@code XcapHttp.routes(...)}
     */
    public static HttpServer start(String host, int port, Map<String, Route> routes, List<HttpRoute> more) {
        return start(host, port, routes, more, List.of());
    }

    /**
     * @param sockets WebSocket endpoints, e.g. the push gateway's {@code /push}; a GET with
     *                {@code Upgrade: websocket} on one of their paths is upgraded, other requests are routed as usual
     */
    public static HttpServer start(String host, int port, Map<String, Route> routes, List<HttpRoute> more,
                                   List<WebSocketRoute> sockets) {
        List<Socket> upgrades = sockets.stream().map(r -> new Socket(r, new AtomicInteger())).toList();
        List<Entry> table = new ArrayList<>();
        new LinkedHashMap<>(routes).forEach((key, route) -> {
            String[] parts = key.split(" ", 2);
            table.add(new Entry(HttpRoute.exact(parts[0], parts[1], request -> HttpResponse.of(500)), route));
        });
        more.stream().filter(r -> !r.prefix()).forEach(r -> table.add(new Entry(r, null)));
        more.stream().filter(HttpRoute::prefix).sorted(Comparator.comparingInt((HttpRoute r) -> r.path().length()).reversed())
                .forEach(r -> table.add(new Entry(r, null)));
        List<Entry> frozen = List.copyOf(table);
        int maxBody = frozen.stream().mapToInt(e -> e.route().maxBody()).max().orElse(HttpRoute.DEFAULT_MAX_BODY);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        ExecutorService handlers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("herald-http-", 0).factory());
        try {
            Channel channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(Math.max(maxBody, 1)),
                                    new Dispatch(frozen, upgrades, handlers));
                        }
                    }).bind(host, port).sync().channel();
            return new HttpServer(group, channel, handlers);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            group.shutdownGracefully();
            handlers.shutdownNow();
            throw new IllegalStateException("interrupted while binding HTTP", e);
        } catch (RuntimeException e) {
            group.shutdownGracefully();
            handlers.shutdownNow();
            throw new IllegalStateException("cannot listen for HTTP on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        handlers.shutdown();
        try {
            handlers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** A WebSocket route and how many connections it holds. */
    private record Socket(WebSocketRoute route, AtomicInteger connections) {}

    /** A route: a JSON one (handed the Netty request it was written for) or one with bytes and headers. */
    private record Entry(HttpRoute route, Route json) {}

    private static final class Dispatch extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final List<Entry> routes;
        private final List<Socket> sockets;
        private final ExecutorService handlers;
        private CompletableFuture<Void> previous = CompletableFuture.completedFuture(null); // event loop only

        Dispatch(List<Entry> routes, List<Socket> sockets, ExecutorService handlers) {
            this.routes = routes;
            this.sockets = sockets;
            this.handlers = handlers;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            if (!request.decoderResult().isSuccess()) {
                write(ctx, HttpResponse.json(400, "{\"error\":\"bad_request\",\"message\":\"malformed HTTP request\"}"), false);
                return;
            }
            String method = request.method().name();
            String target = request.uri();
            if (!sockets.isEmpty() && request.headers().containsValue(HttpHeaderNames.UPGRADE, "websocket", true)) {
                String path = new HttpRequest(method, target, Map.of(), null).path();
                Socket socket = sockets.stream().filter(s -> s.route().path().equals(path)).findFirst().orElse(null);
                if (socket != null) {
                    upgrade(ctx, request, socket);
                    return;
                }
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            request.headers().forEach(e -> headers.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            byte[] body = ByteBufUtil.getBytes(request.content());
            HttpRequest copy = new HttpRequest(method, target, headers, body);
            Entry route = routes.stream().filter(r -> r.route().matches(method, copy.path())).findFirst().orElse(null);
            FullHttpRequest retained = route != null && route.json() != null ? request.retainedDuplicate() : null;
            previous = previous.thenRunAsync(() -> {
                try {
                    write(ctx, answer(route, copy, retained), keepAlive);
                } finally {
                    if (retained != null) retained.release();
                }
            }, handlers).exceptionally(e -> {
                ctx.close();
                return null;
            });
        }

        /** RFC 6455 opening handshake; from then on the connection carries frames to a {@link WebSocketChannel}. */
        private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, Socket socket) {
            WebSocketRoute route = socket.route();
            if (!request.method().name().equals("GET")) {
                write(ctx, HttpResponse.text(405, "a WebSocket opens with GET").withHeader("Allow", "GET"), false);
                return;
            }
            if (socket.connections().incrementAndGet() > route.maxConnections()) {
                socket.connections().decrementAndGet();
                write(ctx, HttpResponse.text(503, "too many connections").withHeader("Retry-After", "10"), false);
                return;
            }
            String location = "ws://" + request.headers().get(HttpHeaderNames.HOST, "localhost") + route.path();
            WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(location, route.subprotocol(), false,
                    route.maxFrame()).newHandshaker(request);
            if (handshaker == null) {
                socket.connections().decrementAndGet();
                WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
                return;
            }
            WebSocketChannel frames = new WebSocketChannel(ctx.channel(), handlers, socket.connections(), route.open());
            ctx.pipeline().addAfter(ctx.name(), "ws-idle", new IdleStateHandler(route.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
            ctx.pipeline().addAfter("ws-idle", "ws-aggregator", new WebSocketFrameAggregator(route.maxFrame()));
            ctx.pipeline().addAfter("ws-aggregator", "ws", frames);
            ctx.pipeline().remove(this);
            handshaker.handshake(ctx.channel(), request).addListener((ChannelFutureListener) f -> {
                if (!f.isSuccess()) f.channel().close();
            });
        }

        private static HttpResponse answer(Entry entry, HttpRequest request, FullHttpRequest netty) {
            if (entry == null) return HttpResponse.json(404, "{\"error\":\"not_found\",\"message\":\"no such resource\"}");
            HttpRoute route = entry.route();
            if (request.body().length > route.maxBody()) return HttpResponse.text(413, "the body exceeds " + route.maxBody() + " bytes");
            try {
                if (entry.json() != null) {
                    Reply reply = entry.json().handle(netty);
                    return HttpResponse.json(reply.status(), reply.json());
                }
                return route.handler().handle(request);
            } catch (RuntimeException e) {
                log.warn("HTTP {} {} failed: {}", request.method(), request.path(), e.toString(), e);
                return HttpResponse.json(500, "{\"error\":\"internal\",\"message\":\"internal error\"}");
            }
        }

        private static void write(ChannelHandlerContext ctx, HttpResponse reply, boolean keepAlive) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(reply.status()), Unpooled.wrappedBuffer(reply.body()));
            reply.headers().forEach(h -> response.headers().add(h.getKey(), h.getValue()));
            HttpUtil.setContentLength(response, response.content().readableBytes());
            HttpUtil.setKeepAlive(response, keepAlive);
            var written = ctx.writeAndFlush(response);
            if (!keepAlive) written.addListener(ChannelFutureListener.CLOSE);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
