package org.herald.sip.event;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A live subscription in memory with its NOTIFY pipeline: at most one NOTIFY in flight per dialog
 * (so CSeqs arrive in order even over UDP), and changes that come meanwhile coalesce into one
 * NOTIFY of the newest state once it is answered.
 */
final class Watch {
    final ReentrantLock lock = new ReentrantLock();
    Subscription subscription;
    /** CSeqs up to this are durably reserved. */
    long reservedCseq;
    /** False until the 200 to the SUBSCRIBE is on its way: no NOTIFY may overtake it. */
    boolean started;
    boolean inFlight;
    /** The state changed while a NOTIFY was in flight or before the start. */
    boolean dirty;
    /**
     * The next NOTIFY must go even if it says what the last one said: it answers a SUBSCRIBE or reports a
     * change of subscription state. Only a change of the resource's state may be skipped when the
     * watcher would see nothing new (e.g. what privacy rules hide from it changed).
     */
    boolean mustSend = true;
    /** The entity tag (RFC 5839) of the last NOTIFY sent, null if it carried no state or was not taken. */
    String lastTag;
    SubscriptionState lastState;
    /** RFC 6446 bookkeeping: when the last NOTIFY went out, and how many went out since {@link #since}. */
    java.time.Instant lastSentAt;
    java.time.Instant since;
    long sentSince;
    /** A NOTIFY held back by min-interval, due when this timer fires. */
    Scheduler.Timer deferred;
    /** The NOTIFY repeating the state that max-interval or adaptive-min-rate ask for. */
    Scheduler.Timer heartbeat;
    /** Set once terminated: the next NOTIFY is the last and carries this reason. */
    TerminationReason termination;
    /** The final NOTIFY went out (or the subscriber is gone): nothing more is sent. */
    boolean finished;

    /** The other resources whose changes concern it (a resource list's members), as indexed. */
    java.util.Set<org.herald.sip.message.Aor> members = java.util.Set.of();

    Watch(Subscription subscription) {
        this.subscription = subscription;
        this.reservedCseq = subscription.cseqCeiling();
    }
}
