package org.herald.presence.reginfo;

import java.util.Locale;

/** The {@code state} of a {@code <contact>} (RFC 3680 §5.1, driven by its contact state machine). */
public enum ContactState {
    ACTIVE, TERMINATED;

    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ContactState parse(String token) {
        for (ContactState s : values()) if (s.token().equals(token)) return s;
        return null;
    }
}
