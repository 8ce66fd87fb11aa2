package org.herald.sip.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.herald.sip.message.Aor;
import org.herald.sip.message.Flow;
import org.herald.sip.message.Headers;
import org.herald.sip.message.NameAddr;
import org.herald.sip.message.SipRequest;
import org.herald.sip.message.Transport;
import org.junit.jupiter.api.Test;

/** RFC 3261 §10.3 as a pure function. */
class RegistrarTest {
    private static final Aor ALICE = Aor.parse("alice@example.com");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final Registrar registrar = new Registrar(new RegistrarPolicy(60, 3600, 3600, 2, true));

    @Test
    void addsABindingWithTheRequestedLifetimeCappedAtTheMaximum() {
        var out = registrar.register(register("c1", 1, "7200", contact("sip:alice@10.0.0.1")), Registration.empty(ALICE), T0);
        assertEquals(200, out.response().status());
        Binding b = out.changed().bindings().get(0);
        assertEquals(T0.plusSeconds(3600), b.expiresAt());
        assertEquals(List.of("<sip:alice@10.0.0.1>;expires=3600"), out.response().headers().all("Contact"));
    }

    @Test
    void theContactParameterWinsOverTheHeaderAndZeroRemoves() {
        Registration r = registrar.register(register("c1", 1, "600", contact("sip:alice@10.0.0.1"),
                contact("sip:alice@10.0.0.2").withParam("expires", "120")), Registration.empty(ALICE), T0).changed();
        assertEquals(2, r.bindings().size());
        assertEquals(T0.plusSeconds(120), r.bindings().get(1).expiresAt());
        Registration after = registrar.register(register("c1", 2, "0", contact("sip:alice@10.0.0.1")), r, T0).changed();
        assertEquals(List.of("sip:alice@10.0.0.2"), after.bindings().stream().map(Binding::uri).toList());
    }

    @Test
    void tooShortIs423WithMinExpires() {
        var out = registrar.register(register("c1", 1, "30", contact("sip:alice@h")), Registration.empty(ALICE), T0);
        assertEquals(423, out.response().status());
        assertEquals("60", out.response().headers().first("Min-Expires").orElseThrow());
        assertNull(out.changed());
    }

    @Test
    void aSameCallIdWithAnOldCseqIsRefused() {
        Registration r = registrar.register(register("c1", 5, "600", contact("sip:alice@h")), Registration.empty(ALICE), T0).changed();
        var out = registrar.register(register("c1", 5, "600", contact("sip:alice@h")), r, T0);
        assertEquals(500, out.response().status());
        var other = registrar.register(register("c2", 1, "600", contact("sip:alice@h")), r, T0);
        assertEquals(200, other.response().status(), "another Call-ID replaces the binding whatever its CSeq");
    }

    @Test
    void wildcardNeedsExpiresZeroAndRemovesEverything() {
        Registration r = registrar.register(register("c1", 1, "600", contact("sip:alice@h")), Registration.empty(ALICE), T0).changed();
        assertEquals(400, registrar.register(wildcard("c2", 1, "600"), r, T0).response().status());
        var out = registrar.register(wildcard("c2", 1, "0"), r, T0);
        assertEquals(200, out.response().status());
        assertTrue(out.changed().isEmpty());
    }

    @Test
    void anInstanceIdIdentifiesTheDeviceWhateverItsContact() {
        NameAddr first = contact("sip:alice@10.0.0.1").withParam("+sip.instance", "\"<urn:uuid:a>\"").withParam("reg-id", "1");
        NameAddr moved = contact("sip:alice@10.9.9.9").withParam("+sip.instance", "\"<urn:uuid:a>\"").withParam("reg-id", "1");
        Registration r = registrar.register(register("c1", 1, "600", first), Registration.empty(ALICE), T0).changed();
        Registration after = registrar.register(register("c2", 1, "600", moved), r, T0).changed();
        assertEquals(List.of("sip:alice@10.9.9.9"), after.bindings().stream().map(Binding::uri).toList());
    }

    @Test
    void refusesMoreContactsThanAllowed() {
        var out = registrar.register(register("c1", 1, "600", contact("sip:a@1"), contact("sip:a@2"), contact("sip:a@3")),
                Registration.empty(ALICE), T0);
        assertEquals(403, out.response().status());
    }

    @Test
    void aQueryListsLiveBindingsAndDropsExpiredOnes() {
        Registration r = registrar.register(register("c1", 1, "60", contact("sip:a@1")), Registration.empty(ALICE), T0).changed();
        r = registrar.register(register("c1", 2, "600", contact("sip:a@2")), r, T0).changed();
        var out = registrar.register(register("c1", 3, null), r, T0.plusSeconds(100));
        assertEquals(List.of("<sip:a@2>;expires=500"), out.response().headers().all("Contact"));
        assertEquals(1, out.changed().bindings().size());
    }

    private static NameAddr contact(String uri) {
        return new NameAddr(null, uri, Map.of());
    }

    private static SipRequest register(String callId, long cseq, String expires, NameAddr... contacts) {
        Headers.Builder h = Headers.builder();
        if (expires != null) h.add("Expires", expires);
        return new SipRequest("REGISTER", "sip:example.com", NameAddr.of("sip:alice@example.com").withParam("tag", "t"),
                NameAddr.of("sip:alice@example.com"), callId, cseq, new ArrayList<>(List.of(contacts)), false, h.build(),
                null, new Flow(Transport.UDP, "127.0.0.1", 5070), "127.0.0.1:5060");
    }

    private static SipRequest wildcard(String callId, long cseq, String expires) {
        return new SipRequest("REGISTER", "sip:example.com", NameAddr.of("sip:alice@example.com").withParam("tag", "t"),
                NameAddr.of("sip:alice@example.com"), callId, cseq, List.of(), true,
                Headers.builder().add("Expires", expires).build(), null,
                new Flow(Transport.UDP, "127.0.0.1", 5070), "127.0.0.1:5060");
    }
}
