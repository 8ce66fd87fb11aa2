package org.herald.presence.reginfo;

import java.util.Locale;

/**
 * The {@code state} of a {@code <registration>}, after RFC 3680's registration state machine: init
 * while the AOR has no contact, active while it has at least one, terminated in the document that
 * reports its last one gone (after which it is init again).
 */
public enum RegistrationState {
    INIT, ACTIVE, TERMINATED;

    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RegistrationState parse(String token) {
        for (RegistrationState s : values()) if (s.token().equals(token)) return s;
        return null;
    }
}
