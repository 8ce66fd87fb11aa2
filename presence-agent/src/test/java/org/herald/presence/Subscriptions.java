package org.herald.presence;

import java.time.Instant;
import java.util.List;
import org.herald.sip.event.Dialog;
import org.herald.sip.event.Subscription;
import org.herald.sip.event.SubscriptionState;
import org.herald.sip.message.Aor;
import org.herald.sip.message.Flow;
import org.herald.sip.message.Transport;

/** Subscriptions for tests, as the event framework keeps them. */
public final class Subscriptions {
    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private Subscriptions() {}

    /** A subscription created at {@link #T0}, expiring an hour later, whose last NOTIFY had CSeq {@code cseq}. */
    public static Subscription of(String id, String event, Aor resource, Aor watcher, SubscriptionState state, long cseq) {
        Dialog dialog = new Dialog("call-" + id, id, "from-" + id, resource.uri(), watcher.uri(), "sip:" + watcher.user() + "@10.0.0.1",
                List.of(), cseq, 1, "sip:127.0.0.1:5060");
        return new Subscription(id, event, "", resource, watcher, dialog, state, T0.plusSeconds(3600), List.of(),
                new Flow(Transport.UDP, "10.0.0.1", 5070), 1000, T0);
    }

    /** The same subscription as it is when the framework renders its next NOTIFY, with CSeq {@code cseq}. */
    public static Subscription atCseq(Subscription s, long cseq) {
        return s.withDialog(s.dialog().withLocalCseq(cseq));
    }
}
