package org.herald.wakeup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.InstantSource;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import org.herald.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wake-up proxy's HTTP(S) face:
 * <pre>
 *   POST /wakeup        {ip, port, protocol: udp|tcp}, signed ({@link SignedRequests}) → 200 {status: sent | suppressed},
 *                       403 not-served, 502 failed, 503 maintenance, 401 unsigned, 400 bad order
 *   GET  /status        200 {status: ok, networks, counters}, 503 {status: maintenance} (for balancers and Herald's checker)
 *   POST /maintenance   {on: true|false}, signed
 *   GET  /metrics       Prometheus text
 * </pre>
 * HTTPS when a keystore is configured; plain HTTP only for loopback experiments.
 */
public final class WakeupProxy implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WakeupProxy.class);
    private static final ObjectMapper json = new ObjectMapper();
    private static final int MAX_BODY = 4096;

    private final WakeupService service;
    private final SignedRequests signatures;
    private final Metrics metrics;
    private final InstantSource clock;
    private final EventLoopGroup group;
    private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
    private final Channel channel;
    private final Sender sender;

    private WakeupProxy(WakeupProxyConfig config, Sender sender, InstantSource clock) throws InterruptedException {
        this.clock = clock;
        this.sender = sender;
        this.metrics = new Metrics();
        this.signatures = new SignedRequests(config.secret().getBytes(StandardCharsets.UTF_8), config.signatureWindow());
        this.service = new WakeupService(config.networks(), new WakePolicy(config.minInterval(), config.maxDevices(), clock),
                sender, config.payload().getBytes(StandardCharsets.UTF_8), config.pingTimeout(), metrics);
        SslContext tls = tls(config);
        this.group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        this.channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (tls != null) ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_BODY), new Dispatch());
                    }
                }).bind(config.host(), config.port()).sync().channel();
    }

    public static WakeupProxy start(WakeupProxyConfig config, InstantSource clock) {
        try {
            return start(config, Sender.sockets(), clock);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the datagram socket", e);
        }
    }

    public static WakeupProxy start(WakeupProxyConfig config, Sender sender, InstantSource clock) {
        try {
            WakeupProxy proxy = new WakeupProxy(config, sender, clock);
            log.info("wake-up proxy ready on {}://{}:{} for {} network(s)", config.tls().keystore().isBlank() ? "http" : "https",
                    config.host(), proxy.port(), config.networks().size());
            return proxy;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        }
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    public WakeupService service() {
        return service;
    }

    private static SslContext tls(WakeupProxyConfig config) {
        if (config.tls().keystore().isBlank()) return null;
        char[] password = config.tls().password().toCharArray();
        try (InputStream in = Files.newInputStream(Path.of(config.tls().keystore()))) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            return SslContextBuilder.forServer(kmf).build();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the keystore " + config.tls().keystore(), e);
        }
    }

    private final class Dispatch extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            if (!request.decoderResult().isSuccess()) {
                reply(ctx, request, new Response(400, error("bad-request", "not an HTTP request the proxy can read")));
                return;
            }
            String method = request.method().name();
            String path = request.uri().split("\\?", 2)[0];
            byte[] body = ByteBufUtil.getBytes(request.content());
            String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
            request.retain();
            work.execute(() -> { // sending may block (TCP ping): never on the event loop
                try {
                    Response r = handle(method, path, body, authorization);
                    reply(ctx, request, r);
                } catch (RuntimeException e) {
                    log.warn("wake-up request failed", e);
                    reply(ctx, request, new Response(500, error("internal", "the proxy failed; see its log")));
                } finally {
                    request.release();
                }
            });
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    private record Response(int status, String contentType, byte[] body) {
        Response(int status, ObjectNode json) {
            this(status, "application/json", json.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private Response handle(String method, String path, byte[] body, String authorization) {
        return switch (method + " " + path) {
            case "GET /status" -> status();
            case "GET /metrics" -> new Response(200, "text/plain; version=0.0.4; charset=utf-8",
                    metrics.scrape().getBytes(StandardCharsets.UTF_8));
            case "POST /wakeup" -> signed(method, path, body, authorization) ? order(body)
                    : unauthorized();
            case "POST /maintenance" -> signed(method, path, body, authorization) ? maintenance(body) : unauthorized();
            default -> new Response(404, error("no-such-resource", method + " " + path));
        };
    }

    private boolean signed(String method, String path, byte[] body, String authorization) {
        return signatures.verify(authorization, clock.instant(), method, path, body);
    }

    private Response unauthorized() {
        service.unauthorized();
        return new Response(401, error("unauthorized", "orders must be signed (" + SignedRequests.SCHEME + ")"));
    }

    private Response order(byte[] body) {
        WakeOrder order;
        try {
            order = WakeOrder.of(json.readTree(body));
        } catch (IOException e) {
            return new Response(400, error("bad-json", "not valid JSON"));
        } catch (IllegalArgumentException e) {
            return new Response(400, error("bad-order", e.getMessage()));
        }
        return switch (service.wake(order)) {
            case WakeupService.Outcome.Sent s -> new Response(200, json.createObjectNode().put("status", "sent")
                    .put("protocol", order.protocol().name().toLowerCase()).put("target", order.target().toString()));
            case WakeupService.Outcome.Suppressed s -> new Response(200, json.createObjectNode().put("status", "suppressed")
                    .put("nextWake", s.nextWake().toString()));
            case WakeupService.Outcome.NotServed n -> new Response(403, error("not-served", order.ip().getHostAddress()
                    + " is in none of this proxy's networks"));
            case WakeupService.Outcome.Failed f -> new Response(502, error("failed", f.reason()));
            case WakeupService.Outcome.Maintenance m -> new Response(503, error("maintenance", "this proxy is in maintenance"));
        };
    }

    private Response maintenance(byte[] body) {
        try {
            JsonNode on = json.readTree(body).get("on");
            if (on == null || !on.isBoolean()) return new Response(400, error("bad-request", "expected {\"on\": true|false}"));
            service.maintenance(on.asBoolean());
            log.info("maintenance {}", on.asBoolean() ? "on" : "off");
            return status();
        } catch (IOException e) {
            return new Response(400, error("bad-json", "not valid JSON"));
        }
    }

    private Response status() {
        if (service.inMaintenance()) return new Response(503, json.createObjectNode().put("status", "maintenance"));
        ObjectNode body = json.createObjectNode().put("status", "ok");
        var networks = body.putArray("networks");
        for (Network n : service.networks()) {
            ObjectNode o = networks.addObject().put("mcc", n.mcc()).put("mnc", n.mnc()).put("id", n.id());
            var ranges = o.putArray("ranges");
            n.ranges().forEach(r -> ranges.add(r.toString()));
        }
        ObjectNode counters = body.putObject("counters");
        for (String result : new String[] {"sent", "suppressed", "not-served", "failed", "maintenance", "unauthorized"}) {
            counters.put(result, service.count(result));
        }
        return new Response(200, body);
    }

    private static ObjectNode error(String code, String reason) {
        return json.createObjectNode().put("error", code).put("reason", reason);
    }

    private void reply(ChannelHandlerContext ctx, FullHttpRequest request, Response r) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(r.status()),
                Unpooled.wrappedBuffer(r.body()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, r.contentType());
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, r.body().length);
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (!keepAlive) response.headers().set(HttpHeaderNames.CONNECTION, "close");
        var write = ctx.writeAndFlush(response);
        if (!keepAlive) write.addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully();
        work.shutdown();
        sender.close();
    }
}
