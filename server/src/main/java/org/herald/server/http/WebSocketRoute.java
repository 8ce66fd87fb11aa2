package org.herald.server.http;

import java.time.Duration;
import java.util.function.Function;

/**
 * A WebSocket endpoint on the HTTP port: a GET with {@code Upgrade: websocket} on exactly this path is
 * upgraded (RFC 6455) and each connection gets a session from {@code open}.
 *
 * @param subprotocol    the subprotocol echoed when the client offers it (RFC 6455 §4.2.2), or null
 * @param maxFrame       the largest message a client may send (bytes); larger closes with 1009
 * @param maxConnections connections held at once; more are answered 503
 * @param idleTimeout    a connection that sends nothing this long is closed (half-open TCP connections
 *                       would otherwise be held forever); clients ping ({@code {}} or a WebSocket ping) to stay
 */
public record WebSocketRoute(String path, String subprotocol, int maxFrame, int maxConnections, Duration idleTimeout,
                             Function<WebSocketPeer, WebSocketSession> open) {
    public WebSocketRoute {
        if (!path.startsWith("/")) throw new IllegalArgumentException("a route path starts with /: " + path);
        if (maxFrame <= 0 || maxConnections <= 0) throw new IllegalArgumentException("limits must be positive");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) throw new IllegalArgumentException("idle timeout must be positive");
    }
}
