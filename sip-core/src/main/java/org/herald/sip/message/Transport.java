package org.herald.sip.message;

import java.util.Locale;

/** The SIP transports Herald listens on. Reliable ones carry a connection (a flow) that can close. */
public enum Transport {
    UDP, TCP, TLS, WS, WSS;

    public boolean reliable() {
        return this != UDP;
    }

    /** The token used in Via headers and {@code transport=} URI parameters. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Transport of(String token) {
        return valueOf(token.trim().toUpperCase(Locale.ROOT));
    }
}
