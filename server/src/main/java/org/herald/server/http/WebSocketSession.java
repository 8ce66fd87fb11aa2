package org.herald.server.http;

/**
 * What a WebSocket endpoint does with one connection. Calls come one at a time, in order, on virtual
 * threads (so they may block on storage): every text frame, then one {@link #onClose}.
 */
public interface WebSocketSession {
    void onText(String text);

    void onClose();
}
