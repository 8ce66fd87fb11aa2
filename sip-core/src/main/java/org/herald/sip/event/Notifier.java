package org.herald.sip.event;

import java.time.Instant;
import java.time.InstantSource;
import java.util.function.Consumer;
import org.herald.sip.RequestSender;
import org.herald.sip.message.Headers;
import org.herald.sip.message.NameAddr;
import org.herald.sip.message.OutgoingRequest;
import org.herald.sip.message.RequestOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends NOTIFYs for watches (RFC 6665 §4.2.2): builds each one from the newest state at the moment
 * it goes out, keeps one in flight per subscription, and ends a subscription whose subscriber
 * answers 481 or does not answer at all. CSeqs are reserved in the store in blocks, so a NOTIFY
 * costs no store write and a restart still continues above the last CSeq used.
 */
final class Notifier {
    private static final Logger log = LoggerFactory.getLogger(Notifier.class);
    static final long CSEQ_BLOCK = 1000;

    private final RequestSender sender;
    private final SubscriptionStore store;
    private final InstantSource clock;
    private final Consumer<Watch> onGone;

    /**
     * @param onGone called when the subscriber is gone (481, timeout, unreachable), to forget the watch
     */
    Notifier(RequestSender sender, SubscriptionStore store, InstantSource clock, Consumer<Watch> onGone) {
        this.sender = sender;
        this.store = store;
        this.clock = clock;
        this.onGone = onGone;
    }

    /** The watch's state changed, or it just started: send a NOTIFY now or once the one in flight is answered. */
    void notify(Watch watch, EventPackage pkg) {
        OutgoingRequest request;
        watch.lock.lock();
        try {
            if (watch.finished) return;
            if (!watch.started || watch.inFlight) {
                watch.dirty = true;
                return;
            }
            request = build(watch, pkg);
            watch.inFlight = true;
            watch.dirty = false;
            if (watch.termination != null) watch.finished = true;
        } finally {
            watch.lock.unlock();
        }
        sender.send(request).whenComplete((outcome, error) ->
                answered(watch, pkg, error != null ? new RequestOutcome.Unreachable(error.toString()) : outcome));
    }

    /** Lets the first NOTIFY go once the 200 to the SUBSCRIBE was sent. */
    void start(Watch watch, EventPackage pkg) {
        watch.lock.lock();
        try {
            watch.started = true;
        } finally {
            watch.lock.unlock();
        }
        notify(watch, pkg);
    }

    private void answered(Watch watch, EventPackage pkg, RequestOutcome outcome) {
        boolean again;
        boolean gone = switch (outcome) {
            case RequestOutcome.Answered a -> a.status() == 481;
            case RequestOutcome.TimedOut t -> true;
            case RequestOutcome.Unreachable u -> true;
        };
        watch.lock.lock();
        try {
            watch.inFlight = false;
            if (gone && !watch.finished) {
                watch.finished = true;
            }
            again = watch.dirty && !watch.finished;
        } finally {
            watch.lock.unlock();
        }
        if (gone) {
            log.debug("subscription {} ended by its subscriber: {}", watch.subscription.id(), outcome);
            onGone.accept(watch);
            return;
        }
        pkg.notified(watch.subscription, outcome instanceof RequestOutcome.Answered a && a.success());
        if (again) notify(watch, pkg);
    }

    /** Builds the next NOTIFY; the caller holds the watch's lock. */
    private OutgoingRequest build(Watch watch, EventPackage pkg) {
        Subscription s = watch.subscription;
        Dialog d = s.dialog();
        long cseq = d.localCseq() + 1;
        s = s.withDialog(d.withLocalCseq(cseq));
        if (cseq > watch.reservedCseq) { // once per CSEQ_BLOCK NOTIFYs: reserve the next block durably
            long ceiling = cseq + CSEQ_BLOCK;
            s = s.withCseqCeiling(ceiling);
            store.save(s);
            watch.reservedCseq = ceiling;
        }
        watch.subscription = s;

        Instant now = clock.instant();
        Headers.Builder headers = Headers.builder()
                .add("Event", s.eventId().isEmpty() ? s.event() : s.event() + ";id=" + s.eventId())
                .add("Subscription-State", subscriptionState(watch, now))
                .add("Contact", "<" + d.localContact() + ">");
        NotifyBody body = NotifyBody.NONE;
        boolean withState = watch.termination == null ? s.state() == SubscriptionState.ACTIVE
                : watch.termination == TerminationReason.TIMEOUT || watch.termination == TerminationReason.DEACTIVATED;
        if (withState && s.state() != SubscriptionState.PENDING) {
            body = pkg.render(pkg.view(s.resource()), s);
        }
        if (body.contentType() != null) headers.add("Content-Type", body.contentType());
        return new OutgoingRequest("NOTIFY", d.remoteTarget(),
                new NameAddr(null, d.localUri(), java.util.Map.of("tag", d.localTag())),
                new NameAddr(null, d.remoteUri(), java.util.Map.of("tag", d.remoteTag())),
                d.callId(), cseq, d.routeSet(), headers.build(), body.content(), s.flow());
    }

    private static String subscriptionState(Watch watch, Instant now) {
        if (watch.termination != null) {
            return "terminated;reason=" + watch.termination.token();
        }
        Subscription s = watch.subscription;
        return s.state().token() + ";expires=" + s.secondsLeft(now);
    }
}
