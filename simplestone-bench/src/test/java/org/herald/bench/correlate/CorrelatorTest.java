package org.herald.bench.correlate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CorrelatorTest {
    private static final long MS = 1_000_000L;
    // 2 presentities × 2 watchers: watchers 0,1 watch presentity 0; 2,3 watch presentity 1
    private final Correlator c = new Correlator(2, 2, 100 * MS);

    @Test
    void exactDeliveryInEitherOrderOf2xxAndNotify() {
        int step = c.beginStep();
        int v = c.published(0, 0, 0, true);
        c.notified(0, v, 5 * MS); // NOTIFY before the 200 (RFC 6665 allows it)
        c.answered(0, v, PublishStatus.ACCEPTED, 200, 6 * MS);
        c.notified(1, v, 7 * MS);
        StepTally t = c.tally(step);
        assertEquals(1, t.sent());
        assertEquals(1, t.accepted());
        assertEquals(2, t.expectedNotifies());
        assertEquals(2, t.notifiedInTime());
        assertEquals(2, t.exactInTime());
        assertEquals(0, t.missingNotifies());
        assertEquals(2, t.notifyLatency().getTotalCount());
        assertEquals(6 * MS, t.publishLatency().getMaxValue(), MS / 100.0);
    }

    @Test
    void aNewerStateCoversCoalescedVersions() {
        int step = c.beginStep();
        int v1 = c.published(1, 0, 0, true);
        int v2 = c.published(1, 10 * MS, 10 * MS, true);
        int v3 = c.published(1, 20 * MS, 20 * MS, true);
        for (int v : new int[] {v1, v2, v3}) c.answered(1, v, PublishStatus.ACCEPTED, 200, 30 * MS);
        c.notified(2, v3, 40 * MS); // watcher 2 saw only the newest state
        c.notified(3, v1, 41 * MS);
        c.notified(3, v2, 42 * MS);
        c.notified(3, v3, 43 * MS);
        StepTally t = c.tally(step);
        assertEquals(6, t.expectedNotifies());
        assertEquals(6, t.notifiedInTime());
        assertEquals(4, t.exactInTime()); // watcher 2 got v1 and v2 only coalesced
    }

    @Test
    void lateStaleMissingAndUnversioned() {
        int step = c.beginStep();
        int v1 = c.published(0, 0, 0, true);
        c.answered(0, v1, PublishStatus.ACCEPTED, 200, MS);
        c.notified(0, v1, 150 * MS); // after the 100 ms timeout
        c.notified(0, v1, 151 * MS); // a retransmission: not counted twice
        c.notified(1, 0, 10 * MS); // a NOTIFY without our marker (initial state)
        StepTally t = c.tally(step);
        assertEquals(0, t.notifiedInTime());
        assertEquals(1, t.notifiedLate());
        assertEquals(1, t.missingNotifies()); // watcher 1 never learnt v1
        assertEquals(1, t.staleNotifiesSoFar());
        assertEquals(1, t.unversionedNotifiesSoFar());
    }

    @Test
    void latencyIsFromTheScheduledTimeNotTheSendTime() {
        int step = c.beginStep();
        int v = c.published(0, 0, 50 * MS, true); // sent 50 ms late by a stalled generator
        c.answered(0, v, PublishStatus.ACCEPTED, 200, 60 * MS);
        c.notified(0, v, 70 * MS);
        StepTally t = c.tally(step);
        assertEquals(70 * MS, t.notifyLatency().getMaxValue(), MS / 10.0);
        assertEquals(50 * MS, t.maxSendLagNanos());
        assertEquals(1, t.lateSends());
    }

    @Test
    void onlyAcceptedMeasuredPublishesExpectNotifies() {
        int warm = c.published(0, 0, 0, false); // before any step: set-up
        c.answered(0, warm, PublishStatus.ACCEPTED, 200, MS);
        int step = c.beginStep();
        int w = c.published(0, MS, MS, false); // warm-up of the step
        int a = c.published(0, 2 * MS, 2 * MS, true);
        int b = c.published(0, 3 * MS, 3 * MS, true);
        int d = c.published(0, 4 * MS, 4 * MS, true);
        int e = c.published(0, 5 * MS, 5 * MS, true);
        c.answered(0, w, PublishStatus.ACCEPTED, 200, 6 * MS);
        c.answered(0, a, PublishStatus.ACCEPTED, 200, 6 * MS);
        c.answered(0, b, PublishStatus.STALE_ETAG, 412, 6 * MS);
        c.answered(0, d, PublishStatus.REJECTED, 500, 6 * MS);
        // e never answered: pending at tally time
        StepTally t = c.tally(step);
        assertEquals(4, t.sent());
        assertEquals(1, t.accepted());
        assertEquals(2, t.expectedNotifies());
        assertEquals(1, t.count(PublishStatus.STALE_ETAG));
        assertEquals(1, t.count(PublishStatus.REJECTED));
        assertEquals(1, t.count(PublishStatus.PENDING));
        assertEquals(1L, t.responseCodes().get(200)); // the warm-up one is not measured
        assertEquals(1L, t.responseCodes().get(412));
        assertEquals(e, a + 3);
    }

    @Test
    void forgettingOldStepsKeepsVersionNumbering() {
        int s0 = c.beginStep();
        int v1 = c.published(0, 0, 0, true);
        c.answered(0, v1, PublishStatus.ACCEPTED, 200, MS);
        int v2 = c.published(0, MS, MS, true);
        c.answered(0, v2, PublishStatus.ACCEPTED, 200, MS);
        c.notified(0, v2, 2 * MS);
        assertEquals(4, c.tally(s0).notifiedInTime() + c.tally(s0).missingNotifies());
        int s1 = c.beginStep();
        c.forgetBefore(s1);
        int v3 = c.published(0, 10 * MS, 10 * MS, true);
        c.answered(0, v3, PublishStatus.ACCEPTED, 200, 11 * MS);
        c.notified(1, v3, 12 * MS); // also covers v2 (still kept: the newest of the old step)
        c.notified(0, v3, 12 * MS);
        StepTally t = c.tally(s1);
        assertEquals(2, t.notifiedInTime());
        assertEquals(2, t.exactInTime());
        assertEquals(v3, c.lastSeen(0));
    }
}
