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
 * @param rate        the notification rate control in force (RFC 6446), {@link RateControl#NONE} if none
 * @param body        the SUBSCRIBE body the package keeps (e.g. an RFC 4661 filter), {@link SubscribeBody#NONE} if none
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
        Instant createdAt,
        RateControl rate,
        SubscribeBody body) {

    public Subscription {
        accept = List.copyOf(accept);
        rate = rate == null ? RateControl.NONE : rate;
        body = body == null ? SubscribeBody.NONE : body;
    }

    /** A subscription without rate control or body. */
    public Subscription(String id, String event, String eventId, Aor resource, Aor watcher, Dialog dialog,
                        SubscriptionState state, Instant expiresAt, List<String> accept, Flow flow, long cseqCeiling,
                        Instant createdAt) {
        this(id, event, eventId, resource, watcher, dialog, state, expiresAt, accept, flow, cseqCeiling, createdAt,
                RateControl.NONE, SubscribeBody.NONE);
    }

    public long secondsLeft(Instant now) {
        return Math.max(0, (expiresAt.toEpochMilli() - now.toEpochMilli() + 999) / 1000);
    }

    public Subscription withDialog(Dialog next) {
        return new Subscription(id, event, eventId, resource, watcher, next, state, expiresAt, accept, flow, cseqCeiling, createdAt, rate, body);
    }

    public Subscription withState(SubscriptionState next) {
        return new Subscription(id, event, eventId, resource, watcher, dialog, next, expiresAt, accept, flow, cseqCeiling, createdAt, rate, body);
    }

    public Subscription withCseqCeiling(long ceiling) {
        return new Subscription(id, event, eventId, resource, watcher, dialog, state, expiresAt, accept, flow, ceiling, createdAt, rate, body);
    }

    public Subscription withRate(RateControl next) {
        return new Subscription(id, event, eventId, resource, watcher, dialog, state, expiresAt, accept, flow, cseqCeiling, createdAt, next, body);
    }

    public Subscription withBody(SubscribeBody next) {
        return new Subscription(id, event, eventId, resource, watcher, dialog, state, expiresAt, accept, flow, cseqCeiling, createdAt, rate, next);
    }

    public Subscription refreshed(Instant expires, Dialog next, Flow arrivedOn, List<String> acceptTypes) {
        return new Subscription(id, event, eventId, resource, watcher, next, state, expires,
                acceptTypes.isEmpty() ? accept : acceptTypes, arrivedOn, cseqCeiling, createdAt, rate, body);
    }
}
