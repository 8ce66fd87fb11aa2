package org.herald.presence.winfo;

import java.util.Locale;

/**
 * The {@code event} of a watcher (RFC 3858 §3): the transition of RFC 3857 that led to its
 * status. {@code subscribe}: a new subscription; {@code approved}: pending → active; {@code timeout}:
 * it expired or was unsubscribed (from pending it goes to waiting); {@code giveup}: Herald stopped
 * waiting for a decision; the others end it for the reason of the same name in RFC 6665 §4.1.3.
 */
public enum WatcherEvent {
    SUBSCRIBE, APPROVED, DEACTIVATED, PROBATION, REJECTED, TIMEOUT, GIVEUP, NORESOURCE;

    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value for a token, or null if it is none of the eight. */
    public static WatcherEvent parse(String token) {
        for (WatcherEvent e : values()) if (e.token().equals(token)) return e;
        return null;
    }
}
