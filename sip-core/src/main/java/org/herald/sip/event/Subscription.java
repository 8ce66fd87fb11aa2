package org.herald.sip.event;

import java.time.Instant;
import java.util.List;
import org.herald.sip.message.Aor;
import org.herald.sip.message.Flow;

/**
 * One subscription as the notifier keeps it durably (RFC 6665). Its id is our To tag, which is
 * random and unique, so an in-dialog SUBSCRIBE finds it directly.
 *
 * @param eventId     the {@code id} parameter of the Event header, or empty
 * @param accept      the body types the subscriber accepts, as it listed them (empty: the default)
 * @param flow        the flow the last SUBSCRIBE arrived on; NOTIFYs go back along it
 * @param cseqCeiling NOTIFY CSeqs up to this are reserved in the store, so a restart continues above
 *                    it without a store write per NOTIFY
 */
public record Subscription(
        String id,
        String event,
        String eventId,
        Aor resource,
        Aor watcher,
        Dialog dialog,
        SubscriptionState state,
        Instant expiresAt,
        List<String> accept,
        Flow flow,
        long cseqCeiling,
        Instant createdAt) {

    public Subscription {
        accept = List.copyOf(accept);
    }

    public long secondsLeft(Instant now) {
        return Math.max(0, (expiresAt.toEpochMilli() - now.toEpochMilli() + 999) / 1000);
    }

    public Subscription withDialog(Dialog next) {
        return new Subscription(id, event, eventId, resource, watcher, next, state, expiresAt, accept, flow, cseqCeiling, createdAt);
    }

    public Subscription withState(SubscriptionState next) {
        return new Subscription(id, event, eventId, resource, watcher, dialog, next, expiresAt, accept, flow, cseqCeiling, createdAt);
    }

    public Subscription withCseqCeiling(long ceiling) {
        return new Subscription(id, event, eventId, resource, watcher, dialog, state, expiresAt, accept, flow, ceiling, createdAt);
    }

    public Subscription refreshed(Instant expires, Dialog next, Flow arrivedOn, List<String> acceptTypes) {
        return new Subscription(id, event, eventId, resource, watcher, next, state, expires,
                acceptTypes.isEmpty() ? accept : acceptTypes, arrivedOn, cseqCeiling, createdAt);
    }
}
