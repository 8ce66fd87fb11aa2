package org.herald.presence.reginfo;

import java.time.Instant;
import org.herald.sip.message.Flow;
import org.herald.sip.message.Transport;
import org.herald.sip.registrar.Binding;

/** Bindings as the registrar stores them, for tests. */
final class Bindings {
    private Bindings() {}

    /** A binding of {@code uri} registered at {@code at} for {@code seconds}, by REGISTER {@code cseq}. */
    static Binding of(String uri, Instant at, long seconds, long cseq) {
        return new Binding("<" + uri + ">", uri, 1.0f, null, 0, "call-" + uri, cseq, at.plusSeconds(seconds),
                new Flow(Transport.UDP, "10.0.0.1", 5070), at, "test");
    }

    static Binding withContact(Binding b, String contact, float q, String instance) {
        return new Binding(contact, b.uri(), q, instance, instance == null ? 0 : 1, b.callId(), b.cseq(), b.expiresAt(),
                b.flow(), b.registeredAt(), b.userAgent());
    }
}
