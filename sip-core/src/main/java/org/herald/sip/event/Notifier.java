package org.herald.sip.event;

import java.time.Duration;
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
 *
 * <p>Each NOTIFY with state carries its entity tag in SIP-ETag (RFC 5839). Rate control (RFC 6446):
 * a NOTIFY caused by a change of the resource waits until min-interval (or the package's own limit)
 * has passed since the last one; changes meanwhile coalesce, so the one that goes has the newest
 * state. max-interval and adaptive-min-rate repeat the state when changes are too rare.
 */
final class Notifier {
    private static final Logger log = LoggerFactory.getLogger(Notifier.class);
    static final long CSEQ_BLOCK = 1000;

    private final RequestSender sender;
    private final SubscriptionStore store;
    private final InstantSource clock;
    private final Scheduler scheduler;
    private final Consumer<Watch> onGone;

    /**
     * @param onGone called when the subscriber is gone (481, timeout, unreachable), to forget the watch
     */
    Notifier(RequestSender sender, SubscriptionStore store, InstantSource clock, Scheduler scheduler, Consumer<Watch> onGone) {
        this.sender = sender;
        this.store = store;
        this.clock = clock;
        this.scheduler = scheduler;
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
     * The resource's state changed: send a NOTIFY unless this watcher would get the very state it got
     * last time (RFC 6665 asks for a NOTIFY when the state the subscriber sees changes, and a NOTIFY
     * about an invisible change would itself tell something, e.g. to a polite-blocked watcher), and
     * not before its rate control allows.
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
            Instant now = clock.instant();
            if (!watch.mustSend && watch.termination == null && watch.lastSentAt != null) {
                Duration wait = Duration.between(now, watch.lastSentAt.plus(minInterval(watch, pkg)));
                if (wait.isPositive()) {
                    watch.dirty = true;
                    if (watch.deferred == null) {
                        watch.deferred = scheduler.after(wait, () -> {
                            watch.lock.lock();
                            try {
                                watch.deferred = null;
                            } finally {
                                watch.lock.unlock();
                            }
                            notifyIfChanged(watch, pkg);
                        });
                    }
                    return;
                }
            }
            Dialog d = watch.subscription.dialog();
            Subscription next = watch.subscription.withDialog(d.withLocalCseq(d.localCseq() + 1));
            NotifyBody body = body(watch, next, pkg); // rendered with its CSeq, which packages use as a version
            String tag = body.tag();
            if (!watch.mustSend && watch.termination == null && watch.lastState == watch.subscription.state()
                    && watch.lastTag != null && watch.lastTag.equals(tag)) {
                watch.dirty = false;
                return;
            }
            request = build(watch, next, body, tag, now, pkg);
            watch.lastTag = tag;
            watch.lastState = watch.subscription.state();
            watch.mustSend = false;
            watch.inFlight = true;
            watch.dirty = false;
            sentLocked(watch, pkg, now);
            if (watch.termination != null) {
                watch.finished = true;
                cancelTimers(watch);
            }
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

    /**
     * Starts a watch without a NOTIFY: the SUBSCRIBE was answered 204 (RFC 5839), the subscriber
     * already has the state whose entity tag it gave.
     */
    void startSuppressed(Watch watch, EventPackage pkg, String tag) {
        watch.lock.lock();
        try {
            watch.started = true;
            watch.mustSend = false;
            watch.lastTag = tag;
            watch.lastState = watch.subscription.state();
            sentLocked(watch, pkg, clock.instant());
        } finally {
            watch.lock.unlock();
        }
    }

    /** Rate control changed (a refresh): counting starts again and the heartbeat follows the new values. */
    void restartRate(Watch watch, EventPackage pkg) {
        watch.lock.lock();
        try {
            watch.since = clock.instant();
            watch.sentSince = 0;
            if (watch.lastSentAt != null) scheduleHeartbeat(watch, pkg, watch.lastSentAt);
        } finally {
            watch.lock.unlock();
        }
    }

    /** Stops the watch's timers; the caller holds its lock. */
    static void cancelTimers(Watch watch) {
        if (watch.deferred != null) watch.deferred.cancel();
        if (watch.heartbeat != null) watch.heartbeat.cancel();
        watch.deferred = null;
        watch.heartbeat = null;
    }

    private static Duration minInterval(Watch watch, EventPackage pkg) {
        Duration asked = watch.subscription.rate().minInterval();
        Duration own = pkg.minNotifyInterval();
        return asked.compareTo(own) >= 0 ? asked : own;
    }

    /** A NOTIFY went out (or was suppressed as already known) at {@code now}; the caller holds the lock. */
    private void sentLocked(Watch watch, EventPackage pkg, Instant now) {
        watch.lastSentAt = now;
        if (watch.since == null) watch.since = now;
        watch.sentSince++;
        if (watch.deferred != null) {
            watch.deferred.cancel();
            watch.deferred = null;
        }
        scheduleHeartbeat(watch, pkg, now);
    }

    private void scheduleHeartbeat(Watch watch, EventPackage pkg, Instant lastSent) {
        if (watch.heartbeat != null) {
            watch.heartbeat.cancel();
            watch.heartbeat = null;
        }
        if (watch.termination != null || watch.finished) return;
        Instant due = watch.subscription.rate().heartbeatDue(lastSent, watch.since, watch.sentSince);
        if (due == null) return;
        long sent = watch.sentSince;
        watch.heartbeat = scheduler.after(Duration.between(clock.instant(), due), () -> {
            boolean fire;
            watch.lock.lock();
            try {
                fire = watch.sentSince == sent && !watch.finished && watch.termination == null;
                if (fire) watch.heartbeat = null;
            } finally {
                watch.lock.unlock();
            }
            if (fire) notify(watch, pkg); // repeats the state: a NOTIFY the subscriber asked for
        });
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
            if (gone) cancelTimers(watch);
            again = watch.dirty && !watch.finished;
        } finally {
            watch.lock.unlock();
        }
        if (gone) {
            log.debug("subscription {} ended by its subscriber: {}", watch.subscription.id(), outcome);
            onGone.accept(watch);
            pkg.ended(watch.subscription);
            return;
        }
        boolean accepted = outcome instanceof RequestOutcome.Answered a && a.success();
        boolean over;
        watch.lock.lock();
        try {
            if (!accepted) watch.lastTag = null; // not taken: the next one must go whatever it says
            over = watch.finished;
        } finally {
            watch.lock.unlock();
        }
        pkg.notified(watch.subscription, accepted);
        if (over) pkg.ended(watch.subscription);
        if (again) notifyIfChanged(watch, pkg);
    }

    /**
     * Restores rate control after a restart: the heartbeat max-interval or adaptive-min-rate ask for
     * starts again from now.
     */
    void resume(Watch watch, EventPackage pkg) {
        watch.lock.lock();
        try {
            Instant now = clock.instant();
            watch.since = now;
            watch.lastSentAt = now;
            scheduleHeartbeat(watch, pkg, now);
        } finally {
            watch.lock.unlock();
        }
    }

    /** Builds the next NOTIFY; the caller holds the watch's lock. */
    private OutgoingRequest build(Watch watch, Subscription next, NotifyBody body, String tag, Instant now, EventPackage pkg) {
        java.util.List<String> require = pkg.require(next);
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

        Headers.Builder headers = Headers.builder()
                .add("Event", s.eventId().isEmpty() ? s.event() : s.event() + ";id=" + s.eventId())
                .add("Subscription-State", subscriptionState(watch, now, pkg.minNotifyInterval()))
                .add("Contact", "<" + d.localContact() + ">");
        if (body.contentType() != null) headers.add("Content-Type", body.contentType());
        if (tag != null) headers.add("SIP-ETag", tag);
        if (!require.isEmpty()) headers.add("Require", String.join(", ", require));
        return new OutgoingRequest("NOTIFY", d.remoteTarget(),
                new NameAddr(null, d.localUri(), java.util.Map.of("tag", d.localTag())),
                new NameAddr(null, d.remoteUri(), java.util.Map.of("tag", d.remoteTag())),
                d.callId(), cseq, d.routeSet(), headers.build(), body.content(), s.flow());
    }

    /** RFC 6446 §5: the rate control in force is echoed, with min-interval as raised by the package's own limit. */
    private static String subscriptionState(Watch watch, Instant now, Duration packageLimit) {
        if (watch.termination != null) {
            return "terminated;reason=" + watch.termination.token();
        }
        Subscription s = watch.subscription;
        RateControl shown = s.rate().isNone() ? s.rate() : s.rate().atLeast(packageLimit);
        return s.state().token() + ";expires=" + s.secondsLeft(now) + shown.subscriptionStateParams();
    }
}
