package org.herald.presence.reginfo;

import java.util.Locale;

/**
 * The {@code event} of a {@code <contact>} (RFC 3680 §5.1): what moved it into its state. Herald's
 * registrar produces {@code registered} (a REGISTER added it), {@code refreshed} (a REGISTER renewed
 * it), {@code expired} and {@code unregistered} (a REGISTER removed it, or its connection closed); the
 * others are administrative actions Herald has none of yet.
 */
public enum ContactEvent {
    REGISTERED, CREATED, REFRESHED, SHORTENED, EXPIRED, DEACTIVATED, PROBATION, UNREGISTERED, REJECTED;

    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ContactEvent parse(String token) {
        for (ContactEvent e : values()) if (e.token().equals(token)) return e;
        return null;
    }
}
