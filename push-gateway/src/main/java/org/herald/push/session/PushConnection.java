package org.herald.push.session;

/** A device's WebSocket as the core sees it; the server's I/O shell implements it. Thread-safe. */
public interface PushConnection {
    /** Queues one text frame. */
    void send(String text);

    /** Ends the connection (close frame, then the TCP connection: Firefox never answers the close). */
    void close();

    /** The peer's address, for logs and for registerUA without an interface. */
    String remoteAddress();
}
