package org.herald.bench.correlate;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The controller's memory: which PUBLISH (presentity, version) was due when, how it was answered,
 * and which watcher learnt which version when. Pure (no I/O, time passed in), thread-safe by one lock.
 *
 * <p>Every PUBLISH body carries its version, and the NOTIFY body echoes the newest version the server
 * composed. A NOTIFY with version v for watcher w delivers every version of w's presentity above the
 * last one w had seen, up to v: v itself is an exact delivery, the older ones were coalesced by the
 * server (RFC 6665 allows a notifier to skip intermediate states). The PUBLISH's NOTIFY is in time
 * when it arrives within the timeout of the PUBLISH's <em>scheduled</em> time, so a late sender
 * cannot hide server latency (no coordinated omission). Order of 2xx and NOTIFY does not matter.
 */
public final class Correlator {
    private final int watchersPerPresentity;
    private final long notifyTimeoutNanos;
    private final List<ArrayList<Version>> versions;
    private final int[] firstVersion; // version number of the first kept PUBLISH per presentity
    private final int[] nextVersion;
    private final int[] lastSeen; // per watcher
    private final List<StepCounts> steps = new ArrayList<>();
    private long staleNotifies;
    private long unversionedNotifies;

    /** One PUBLISH; mutable, guarded by the correlator's lock. */
    private static final class Version {
        final long dueNanos;
        final int step;
        final boolean measured;
        PublishStatus status = PublishStatus.PENDING;
        int inTime;
        int late;
        int exactInTime;

        Version(long dueNanos, int step, boolean measured) {
            this.dueNanos = dueNanos;
            this.step = step;
            this.measured = measured;
        }
    }

    public Correlator(int presentities, int watchersPerPresentity, long notifyTimeoutNanos) {
        this.watchersPerPresentity = watchersPerPresentity;
        this.notifyTimeoutNanos = notifyTimeoutNanos;
        this.versions = new ArrayList<>(presentities);
        for (int i = 0; i < presentities; i++) versions.add(new ArrayList<>());
        this.firstVersion = new int[presentities];
        this.nextVersion = new int[presentities];
        this.lastSeen = new int[presentities * watchersPerPresentity];
        java.util.Arrays.fill(firstVersion, 1);
        java.util.Arrays.fill(nextVersion, 1);
    }

    /** Starts counting a new step; PUBLISHes recorded from now on belong to it. Returns its index. */
    public synchronized int beginStep() {
        steps.add(new StepCounts());
        return steps.size() - 1;
    }

    /** A PUBLISH for presentity p is being sent; returns the version to put in its body. */
    public synchronized int published(int presentity, long dueNanos, long sentNanos, boolean measured) {
        int step = steps.size() - 1;
        int v = nextVersion[presentity]++;
        versions.get(presentity).add(new Version(dueNanos, step, measured));
        if (measured && step >= 0) steps.get(step).sent(dueNanos, sentNanos);
        return v;
    }

    /** The PUBLISH's final outcome; {@code answeredNanos} is when its response arrived (or it timed out). */
    public synchronized void answered(int presentity, int version, PublishStatus status, int code, long answeredNanos) {
        Version ver = find(presentity, version);
        if (ver == null) return;
        ver.status = status;
        if (ver.measured && ver.step >= 0) steps.get(ver.step).answered(status, code, answeredNanos - ver.dueNanos);
    }

    /** Watcher w received a NOTIFY whose body names {@code version} (0 or less: no version in it). */
    public synchronized void notified(int watcher, int version, long nanos) {
        if (version <= 0) {
            unversionedNotifies++;
            return;
        }
        int presentity = watcher / watchersPerPresentity;
        if (version <= lastSeen[watcher]) {
            staleNotifies++;
            return;
        }
        for (int u = Math.max(lastSeen[watcher] + 1, firstVersion[presentity]); u <= version; u++) {
            Version ver = find(presentity, u);
            if (ver == null) continue;
            long latency = nanos - ver.dueNanos;
            boolean inTime = latency <= notifyTimeoutNanos;
            if (inTime) ver.inTime++;
            else ver.late++;
            if (inTime && u == version) ver.exactInTime++;
            if (ver.measured && ver.step >= 0) steps.get(ver.step).delivered(latency, u == version);
        }
        lastSeen[watcher] = version;
    }

    /**
     * True when every PUBLISH of {@code step} (-1: the set-up) has its answer and, if accepted, every
     * watcher has learnt it: the drain can stop before the NOTIFY timeout.
     */
    public synchronized boolean settled(int step) {
        for (ArrayList<Version> list : versions) {
            for (int i = list.size() - 1; i >= 0; i--) {
                Version v = list.get(i);
                if (v.step < step) break;
                if (v.step > step) continue;
                if (v.status == PublishStatus.PENDING) return false;
                if (v.status == PublishStatus.ACCEPTED && v.inTime + v.late < watchersPerPresentity) return false;
            }
        }
        return true;
    }

    /** True while some PUBLISH of {@code step} has neither an answer nor a timeout. */
    public synchronized boolean hasPending(int step) {
        for (ArrayList<Version> list : versions) {
            for (int i = list.size() - 1; i >= 0 && list.get(i).step >= step; i--) {
                if (list.get(i).step == step && list.get(i).status == PublishStatus.PENDING) return true;
            }
        }
        return false;
    }

    /** The newest version watcher w has seen (for tests and the set-up check). */
    public synchronized int lastSeen(int watcher) {
        return lastSeen[watcher];
    }

    /**
     * The counts of a step once its NOTIFYs had their chance (after the drain). PUBLISHes that are
     * still pending count as timed out.
     */
    public synchronized StepTally tally(int step) {
        StepCounts c = steps.get(step);
        long accepted = 0, expected = 0, inTime = 0, late = 0, exactInTime = 0, pending = 0;
        for (ArrayList<Version> list : versions) {
            for (Version v : list) {
                if (v.step != step || !v.measured) continue;
                if (v.status == PublishStatus.PENDING) pending++;
                if (v.status != PublishStatus.ACCEPTED) continue;
                accepted++;
                expected += watchersPerPresentity;
                inTime += Math.min(v.inTime, watchersPerPresentity);
                late += Math.min(v.late, watchersPerPresentity);
                exactInTime += Math.min(v.exactInTime, watchersPerPresentity);
            }
        }
        return new StepTally(c.sent, c.firstSent, c.lastSent, c.maxLagNanos, c.lateSends, c.statusCounts(pending), c.codes,
                accepted, expected, inTime, exactInTime, late, c.publishLatency.copy(), c.notifyLatency.copy(),
                c.exactNotifyLatency.copy(), staleNotifies, unversionedNotifies);
    }

    /** Forgets PUBLISHes of steps before {@code step}: a search keeps memory flat over many steps. */
    public synchronized void forgetBefore(int step) {
        for (int p = 0; p < versions.size(); p++) {
            ArrayList<Version> list = versions.get(p);
            int drop = 0;
            while (drop < list.size() - 1 && list.get(drop).step < step) drop++; // keep the newest: its ETag is live
            list.subList(0, drop).clear();
            firstVersion[p] += drop;
        }
    }

    private Version find(int presentity, int version) {
        ArrayList<Version> list = versions.get(presentity);
        int index = version - firstVersion[presentity];
        return index < 0 || index >= list.size() ? null : list.get(index);
    }

    /** Running counts of one step's measured PUBLISHes. */
    private static final class StepCounts {
        long sent;
        long firstSent = Long.MAX_VALUE;
        long lastSent = Long.MIN_VALUE;
        long maxLagNanos;
        long lateSends;
        final long[] byStatus = new long[PublishStatus.values().length];
        final java.util.TreeMap<Integer, Long> codes = new java.util.TreeMap<>();
        final Histogram publishLatency = new Histogram(3_600_000_000_000L, 3);
        final Histogram notifyLatency = new Histogram(3_600_000_000_000L, 3);
        final Histogram exactNotifyLatency = new Histogram(3_600_000_000_000L, 3);

        void sent(long due, long sentAt) {
            sent++;
            firstSent = Math.min(firstSent, sentAt);
            lastSent = Math.max(lastSent, sentAt);
            long lag = Math.max(0, sentAt - due);
            maxLagNanos = Math.max(maxLagNanos, lag);
            if (lag > StepTally.LATE_SEND_NANOS) lateSends++;
        }

        void answered(PublishStatus status, int code, long latency) {
            byStatus[status.ordinal()]++;
            if (code > 0) codes.merge(code, 1L, Long::sum);
            if (status == PublishStatus.ACCEPTED) publishLatency.recordValue(Math.max(0, latency));
        }

        void delivered(long latency, boolean exact) {
            notifyLatency.recordValue(Math.max(0, latency));
            if (exact) exactNotifyLatency.recordValue(Math.max(0, latency));
        }

        java.util.Map<PublishStatus, Long> statusCounts(long pending) {
            java.util.EnumMap<PublishStatus, Long> m = new java.util.EnumMap<>(PublishStatus.class);
            for (PublishStatus s : PublishStatus.values()) m.put(s, byStatus[s.ordinal()]);
            m.put(PublishStatus.PENDING, pending);
            return m;
        }
    }
}
