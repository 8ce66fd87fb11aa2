package org.herald.bench.correlate;

import java.util.Map;
import java.util.SortedMap;
import org.HdrHistogram.Histogram;

/**
 * What one step's measured PUBLISHes came to. The first and last send times are actual (a generator
 * that fell behind stretches them, lowering the offered rate). Latencies in nanoseconds from each
 * PUBLISH's scheduled time: {@code publishLatency} to its 2xx, {@code notifyLatency} to each watcher
 * learning that state (exact or coalesced), {@code exactNotifyLatency} only to NOTIFYs carrying exactly
 * that version.
 */
public record StepTally(long sent, long firstSentNanos, long lastSentNanos, long maxSendLagNanos, long lateSends,
                        Map<PublishStatus, Long> byStatus, SortedMap<Integer, Long> responseCodes,
                        long accepted, long expectedNotifies, long notifiedInTime, long exactInTime, long notifiedLate,
                        Histogram publishLatency, Histogram notifyLatency, Histogram exactNotifyLatency,
                        long staleNotifiesSoFar, long unversionedNotifiesSoFar) {

    /** A PUBLISH sent more than this after its due time was late: the generator, not the server, fell behind. */
    public static final long LATE_SEND_NANOS = 10_000_000L;

    public long count(PublishStatus s) {
        return byStatus.getOrDefault(s, 0L);
    }

    public long missingNotifies() {
        return Math.max(0, expectedNotifies - notifiedInTime - notifiedLate);
    }
}
