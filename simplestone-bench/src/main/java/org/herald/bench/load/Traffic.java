package org.herald.bench.load;

import java.util.concurrent.atomic.LongAdder;

/** Live message counters by type, read by the progress line and the step report. */
public final class Traffic {
    public final LongAdder publishSent = new LongAdder();
    public final LongAdder publishOk = new LongAdder();
    public final LongAdder publishFailed = new LongAdder();
    public final LongAdder subscribeSent = new LongAdder();
    public final LongAdder subscribeOk = new LongAdder();
    public final LongAdder notifyReceived = new LongAdder();

    /** The counters now, for differences over a window. */
    public Snapshot snapshot(long nanos) {
        return new Snapshot(nanos, publishSent.sum(), publishOk.sum(), publishFailed.sum(), subscribeSent.sum(),
                subscribeOk.sum(), notifyReceived.sum());
    }

    public record Snapshot(long nanos, long publishSent, long publishOk, long publishFailed, long subscribeSent,
                           long subscribeOk, long notifyReceived) {
        /** Per-second rates between an earlier snapshot and this one. */
        public Rates ratesSince(Snapshot before) {
            double s = Math.max(1e-9, (nanos - before.nanos) / 1e9);
            return new Rates((publishSent - before.publishSent) / s, (publishOk - before.publishOk) / s,
                    (publishFailed - before.publishFailed) / s, (notifyReceived - before.notifyReceived) / s,
                    (subscribeSent - before.subscribeSent) / s);
        }
    }

    public record Rates(double publish, double publishOk, double publishFailed, double notifies, double subscribe) {}
}
