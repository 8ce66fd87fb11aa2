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
    /** Set once terminated: the next NOTIFY is the last and carries this reason. */
    TerminationReason termination;
    /** The final NOTIFY went out (or the subscriber is gone): nothing more is sent. */
    boolean finished;

    Watch(Subscription subscription) {
        this.subscription = subscription;
        this.reservedCseq = subscription.cseqCeiling();
    }
}
