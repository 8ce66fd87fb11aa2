package org.herald.sip.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.herald.sip.message.Aor;
import org.herald.sip.message.Flow;
import org.herald.sip.message.Transport;
import org.herald.sip.registrar.Binding;
import org.herald.sip.registrar.BindingStore;
import org.herald.sip.registrar.Registration;
import org.junit.jupiter.api.Test;

/** What every {@link BindingStore} must do; each backend's test extends this. */
public abstract class BindingStoreContract {
    protected static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    protected abstract BindingStore store();

    static Binding binding(String uri, Instant expires, Flow flow) {
        return new Binding("<" + uri + ">;+sip.instance=\"<urn:uuid:1>\"", uri, 0.5f, "<urn:uuid:1>", 1, "call-1", 7,
                expires, flow, T0, "baresip");
    }

    @Test
    void savesAndFindsARegistrationWithEveryField() {
        Aor aor = Aor.parse("alice@example.com");
        Flow flow = new Flow(Transport.TCP, "127.0.0.1", 40000);
        Registration r = new Registration(aor, List.of(binding("sip:alice@10.0.0.1:5060", T0.plusSeconds(60), flow)));
        store().save(r);
        assertEquals(r, store().find(aor).orElseThrow());
    }

    @Test
    void anEmptyRegistrationRemovesTheAor() {
        Aor aor = Aor.parse("bob@example.com");
        store().save(new Registration(aor, List.of(binding("sip:bob@h", T0.plusSeconds(60), null))));
        store().save(Registration.empty(aor));
        assertTrue(store().find(aor).isEmpty());
    }

    @Test
    void findsRegistrationsWithExpiredBindingsAndByFlow() {
        Flow flow = new Flow(Transport.WS, "127.0.0.1", 41000);
        store().save(new Registration(Aor.parse("old@example.com"), List.of(binding("sip:o@h", T0.plusSeconds(10), flow))));
        store().save(new Registration(Aor.parse("new@example.com"), List.of(binding("sip:n@h", T0.plusSeconds(100), null))));
        List<Registration> expired = store().withExpiredBindings(T0.plusSeconds(50), 100);
        assertEquals(List.of(Aor.parse("old@example.com")), expired.stream().map(Registration::aor).toList());
        assertEquals(List.of(Aor.parse("old@example.com")), store().onFlow(flow.id()).stream().map(Registration::aor).toList());
        assertTrue(store().onFlow("udp:127.0.0.1:1").isEmpty());
        assertEquals(List.of(Aor.parse("old@example.com")), store().withContact("sip:o@h").stream().map(Registration::aor).toList());
        assertTrue(store().withContact("sip:nobody@h").isEmpty());
        assertEquals(2, store().countBindings());
        assertEquals(2, store().list(0).size());
        assertEquals(1, store().list(1).size());
        store().save(Registration.empty(Aor.parse("old@example.com")));
        assertEquals(List.of(Aor.parse("new@example.com")), store().list(0).stream().map(Registration::aor).toList(),
                "an AOR without bindings is not listed");
    }
}
