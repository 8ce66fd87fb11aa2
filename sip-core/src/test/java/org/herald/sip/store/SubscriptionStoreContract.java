package org.herald.sip.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.herald.sip.event.Dialog;
import org.herald.sip.event.Subscription;
import org.herald.sip.event.SubscriptionState;
import org.herald.sip.event.SubscriptionStore;
import org.herald.sip.message.Aor;
import org.herald.sip.message.Flow;
import org.herald.sip.message.Transport;
import org.junit.jupiter.api.Test;

/** What every {@link SubscriptionStore} must do. */
public abstract class SubscriptionStoreContract {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    protected abstract SubscriptionStore store();

    static Subscription subscription(String id) {
        Dialog dialog = new Dialog("call@h", id, "rt", "sip:bob@example.com", "sip:alice@example.com",
                "sip:alice@10.0.0.2:5070;transport=tcp", List.of("<sip:proxy.example.com;lr>"), 12, 3,
                "sip:127.0.0.1:5060;transport=tcp");
        return new Subscription(id, "presence", "", Aor.parse("bob@example.com"), Aor.parse("alice@example.com"), dialog,
                SubscriptionState.ACTIVE, T0.plusSeconds(600), List.of("application/pidf+xml"),
                new Flow(Transport.TCP, "10.0.0.2", 40001), 1000, T0);
    }

    @Test
    void keepsTheFullDialogState() {
        Subscription s = subscription("s1");
        store().save(s);
        assertEquals(s, store().find("s1").orElseThrow());
        assertEquals(List.of(s), store().all());
    }

    @Test
    void aSaveReplacesTheWholeSubscription() {
        Subscription s = subscription("s2");
        store().save(s);
        store().save(s.withCseqCeiling(2000));
        assertEquals(2000, store().find("s2").orElseThrow().cseqCeiling());
        assertEquals(1, store().count());
    }

    @Test
    void keepsRateControlAndTheSubscribeBody() {
        Subscription s = subscription("s4").withRate(new org.herald.sip.event.RateControl(5000, 60000, 0))
                .withBody(new org.herald.sip.event.SubscribeBody("application/simple-filter+xml", new byte[] {'<', 'x', '/', '>'}));
        store().save(s);
        assertEquals(s, store().find("s4").orElseThrow());
    }

    @Test
    void removes() {
        store().save(subscription("s3"));
        store().remove("s3");
        assertTrue(store().find("s3").isEmpty());
        assertEquals(0, store().count());
    }
}
