package org.herald.server.http;

/** The server side of one WebSocket, as a session sees it: thread-safe, never blocks. */
public interface WebSocketPeer {
    /** Queues a text frame. */
    void send(String text);

    /**
     * Sends a close frame and drops the TCP connection without waiting for the peer's close
     * (Firefox's push client never answers one).
     */
    void close();

    /** {@code ip:port} of the peer. */
    String remoteAddress();
}
