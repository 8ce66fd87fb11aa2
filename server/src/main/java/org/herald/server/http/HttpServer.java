package org.herald.server.http;

import io.netty.bootstrap.ServerBootstrap;
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
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Herald's one HTTP port (Netty): health now, the push and admin APIs later. Routes map a method and
 * an exact path to a handler that returns status and JSON.
 */
public final class HttpServer implements AutoCloseable {
    /** What a route answers. */
    public record Reply(int status, String json) {}

    @FunctionalInterface
    public interface Route {
        Reply handle(FullHttpRequest request);
    }

    private static final int MAX_BODY = 64 * 1024;

    private final EventLoopGroup group;
    private final Channel channel;
    private final Map<String, Route> routes;

    private HttpServer(EventLoopGroup group, Channel channel, Map<String, Route> routes) {
        this.group = group;
        this.channel = channel;
        this.routes = routes;
    }

    public static HttpServer start(String host, int port, Map<String, Route> routes) {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        Map<String, Route> table = new ConcurrentHashMap<>(routes);
        try {
            Channel channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_BODY),
                                    new Dispatch(table));
                        }
                    }).bind(host, port).sync().channel();
            return new HttpServer(group, channel, table);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            group.shutdownGracefully();
            throw new IllegalStateException("interrupted while binding HTTP", e);
        } catch (RuntimeException e) {
            group.shutdownGracefully();
            throw new IllegalStateException("cannot listen for HTTP on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static final class Dispatch extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final Map<String, Route> routes;

        Dispatch(Map<String, Route> routes) {
            this.routes = routes;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            String path = request.uri().split("\\?", 2)[0];
            Route route = routes.get(request.method().name() + " " + path);
            Reply reply = route == null
                    ? new Reply(404, "{\"error\":\"not_found\",\"message\":\"no such resource\"}")
                    : safely(route, request);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(reply.status()),
                    Unpooled.copiedBuffer(reply.json(), StandardCharsets.UTF_8));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
            HttpUtil.setContentLength(response, response.content().readableBytes());
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            HttpUtil.setKeepAlive(response, keepAlive);
            var write = ctx.writeAndFlush(response);
            if (!keepAlive) write.addListener(ChannelFutureListener.CLOSE);
        }

        private static Reply safely(Route route, FullHttpRequest request) {
            try {
                return route.handle(request);
            } catch (RuntimeException e) {
                return new Reply(500, "{\"error\":\"internal\",\"message\":\"internal error\"}");
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
