package org.herald.presence.winfo;

import java.util.Locale;

/** The {@code status} of a watcher (RFC 3858 §3): where its subscription is in RFC 3857's state machine. */
public enum WatcherStatus {
    PENDING, ACTIVE, WAITING, TERMINATED;

    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value for a token, or null if it is none of the four. */
    public static WatcherStatus parse(String token) {
        for (WatcherStatus s : values()) if (s.token().equals(token)) return s;
        return null;
    }
}
