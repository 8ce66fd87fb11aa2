package org.herald.server.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One upgraded connection: text frames go to the session in order on virtual threads; pings are
 * answered here; a close is echoed and the connection dropped. Netty-only, so sessions see none of it.
 */
final class WebSocketChannel extends SimpleChannelInboundHandler<WebSocketFrame> implements WebSocketPeer {
    private final Channel channel;
    private final ExecutorService handlers;
    private final AtomicInteger connections;
    private final WebSocketSession session;
    private CompletableFuture<Void> previous = CompletableFuture.completedFuture(null); // event loop only

    WebSocketChannel(Channel channel, ExecutorService handlers, AtomicInteger connections,
                     Function<WebSocketPeer, WebSocketSession> open) {
        this.channel = channel;
        this.handlers = handlers;
        this.connections = connections;
        this.session = open.apply(this);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        switch (frame) {
            case TextWebSocketFrame text -> {
                String s = text.text();
                later(() -> session.onText(s));
            }
            case PingWebSocketFrame ping -> ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
            case CloseWebSocketFrame close -> ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
                    .addListener(ChannelFutureListener.CLOSE);
            case BinaryWebSocketFrame binary -> ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.INVALID_MESSAGE_TYPE))
                    .addListener(ChannelFutureListener.CLOSE);
            default -> { } // pong, continuation (aggregated before us)
        }
    }

    private void later(Runnable r) {
        try {
            previous = previous.thenRunAsync(r, handlers).exceptionally(e -> {
                channel.close();
                return null;
            });
        } catch (RejectedExecutionException stopping) {
            channel.close(); // the server is shutting down
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        connections.decrementAndGet();
        later(session::onClose);
        ctx.fireChannelInactive();
    }

    /** Nothing read for the route's idle timeout (the {@code IdleStateHandler} before us says so). */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) close();
        else ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    @Override
    public void send(String text) {
        channel.writeAndFlush(new TextWebSocketFrame(text));
    }

    @Override
    public void close() {
        if (channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE)).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public String remoteAddress() {
        return channel.remoteAddress() instanceof InetSocketAddress a ? a.getAddress().getHostAddress() + ":" + a.getPort() : "?";
    }
}
