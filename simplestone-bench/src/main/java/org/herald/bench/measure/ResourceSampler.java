package org.herald.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Samples CPU and memory of the system under test (by PID, when it runs on this machine) and of the
 * bench itself every 500 ms, so a step reports both: a saturated generator is then seen, not blamed
 * on the server. Windows are cut from the samples afterwards.
 */
public final class ResourceSampler implements AutoCloseable {
    private final Long sutPid;
    private final long selfPid = ProcessHandle.current().pid();
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledFuture<?> task;

    /** One reading; CPU in ticks, RSS in kB, -1 when not available. */
    public record Sample(long nanos, long sutTicks, long sutRssKb, long selfTicks, long selfRssKb) {}

    /** CPU in percent of one core, memory (peak, see {@link #read}) in MiB, over a window; NaN when unknown. */
    public record Usage(double sutCpu, double sutRssMb, double benchCpu, double benchRssMb) {}

    public ResourceSampler(Long sutPid, ScheduledExecutorService timers) {
        this.sutPid = sutPid;
        sample();
        task = timers.scheduleAtFixedRate(this::sample, 500, 500, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        long[] sut = read(sutPid);
        long[] self = read(selfPid);
        synchronized (samples) {
            samples.add(new Sample(System.nanoTime(), sut[0], sut[1], self[0], self[1]));
        }
    }

    /**
     * CPU ticks and memory of the process and all its descendants (Kamailio's children do its work).
     * Memory = every process's anonymous RSS + the root's file-backed RSS + the largest shared-memory
     * RSS once: a multi-process server's shared segment is not counted once per child. (PSS from
     * smaps_rollup would be exact but costs ~2 ms of kernel time per process per read.)
     */
    private static long[] read(Long pid) {
        if (pid == null) return new long[] {-1, -1};
        var root = ProcessHandle.of(pid);
        if (root.isEmpty()) return new long[] {-1, -1};
        Tree tree = new Tree();
        if (!tree.add(pid, true)) return new long[] {-1, -1};
        root.get().descendants().forEach(child -> tree.add(child.pid(), false));
        return new long[] {tree.ticks, tree.anonKb + tree.rootFileKb + tree.maxShmemKb};
    }

    /** Sums over a process tree while it is read. */
    private static final class Tree {
        long ticks;
        long anonKb;
        long rootFileKb;
        long maxShmemKb;

        boolean add(long pid, boolean root) {
            try {
                Path dir = Path.of("/proc", Long.toString(pid));
                long t = ProcStat.cpuTicks(Files.readString(dir.resolve("stat")));
                ProcStat.Rss rss = ProcStat.rss(Files.readString(dir.resolve("status")));
                ticks += t;
                anonKb += rss.anonKb();
                maxShmemKb = Math.max(maxShmemKb, rss.shmemKb());
                if (root) rootFileKb = rss.fileKb();
                return true;
            } catch (IOException | RuntimeException e) {
                return false; // exited meanwhile
            }
        }
    }

    /** Usage between two monotonic instants: from the samples nearest inside the window. */
    public Usage usage(long fromNanos, long toNanos) {
        List<Sample> in;
        synchronized (samples) {
            sample();
            in = samples.stream().filter(s -> s.nanos() >= fromNanos && s.nanos() <= toNanos).toList();
        }
        return usage(in);
    }

    /** Pure: CPU from the first and last sample, memory as the peak. */
    public static Usage usage(List<Sample> in) {
        if (in.size() < 2) return new Usage(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        Sample a = in.getFirst();
        Sample b = in.getLast();
        double seconds = (b.nanos() - a.nanos()) / 1e9;
        return new Usage(cpu(a.sutTicks(), b.sutTicks(), seconds), peak(in, true), cpu(a.selfTicks(), b.selfTicks(), seconds), peak(in, false));
    }

    private static double cpu(long before, long after, double seconds) {
        if (before < 0 || after < 0 || seconds <= 0) return Double.NaN;
        return 100.0 * (after - before) / ProcStat.TICKS_PER_SECOND / seconds;
    }

    private static double peak(List<Sample> in, boolean sut) {
        long max = -1;
        for (Sample s : in) max = Math.max(max, sut ? s.sutRssKb() : s.selfRssKb());
        return max < 0 ? Double.NaN : max / 1024.0;
    }

    @Override
    public void close() {
        task.cancel(false);
    }
}
