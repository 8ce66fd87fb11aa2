package org.herald.sip.auth;

/** {@code digest}: every REGISTER, PUBLISH and SUBSCRIBE is authenticated; {@code open}: everyone is who From says. */
public enum AuthMode {
    DIGEST, OPEN
}
