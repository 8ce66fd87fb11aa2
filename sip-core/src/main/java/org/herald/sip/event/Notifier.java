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
        watch.lock.lock();
        try {
            watch.mustSend = true;
        } finally {
            watch.lock.unlock();
        }
        notifyIfChanged(watch, pkg);
    }

    /**
     * The resource's state changed: send a NOTIFY unless this watcher would get the very body it got
     * last time (RFC 6665 asks for a NOTIFY when the state the subscriber sees changes, and a NOTIFY
     * about an invisible change would itself tell something, e.g. to a polite-blocked watcher).
     */
    void notifyIfChanged(Watch watch, EventPackage pkg) {
        OutgoingRequest request;
        watch.lock.lock();
        try {
            if (watch.finished) return;
            if (!watch.started || watch.inFlight) {
                watch.dirty = true;
                return;
            }
            Dialog d = watch.subscription.dialog();
            Subscription next = watch.subscription.withDialog(d.withLocalCseq(d.localCseq() + 1));
            NotifyBody body = body(watch, next, pkg); // rendered with its CSeq, which packages use as a version
            if (!watch.mustSend && watch.termination == null && watch.lastState == watch.subscription.state()
                    && watch.lastBody != null && java.util.Arrays.equals(watch.lastBody, body.content())) {
                watch.dirty = false;
                return;
            }
            request = build(watch, next, body);
            watch.lastBody = body.content();
            watch.lastState = watch.subscription.state();
            watch.mustSend = false;
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

    /** What the next NOTIFY carries: the package's body while the subscription is active, else nothing. */
    private static NotifyBody body(Watch watch, Subscription s, EventPackage pkg) {
        boolean withState = watch.termination == null ? s.state() == SubscriptionState.ACTIVE
                : watch.termination == TerminationReason.TIMEOUT || watch.termination == TerminationReason.DEACTIVATED;
        return withState ? pkg.render(pkg.view(s.resource()), s) : NotifyBody.NONE;
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
        boolean accepted = outcome instanceof RequestOutcome.Answered a && a.success();
        if (!accepted) {
            watch.lock.lock();
            try {
                watch.lastBody = null; // not taken: the next one must go whatever it says
            } finally {
                watch.lock.unlock();
            }
        }
        pkg.notified(watch.subscription, accepted);
        if (again) notifyIfChanged(watch, pkg);
    }

    /** Builds the next NOTIFY; the caller holds the watch's lock. */
    private OutgoingRequest build(Watch watch, Subscription next, NotifyBody body) {
        Subscription s = next;
        Dialog d = s.dialog();
        long cseq = d.localCseq();
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
