package org.herald.bench.measure;

/**
 * Parses Linux {@code /proc/PID/stat} and {@code /proc/PID/status}. Pure: the sampler reads the files.
 * CPU is in clock ticks (utime + stime, fields 14 and 15, counted after the parenthesised command
 * name, which may itself contain spaces and parentheses).
 */
public final class ProcStat {
    /** USER_HZ: 100 on every Linux architecture Java runs on (sysconf(_SC_CLK_TCK)). */
    public static final int TICKS_PER_SECOND = 100;

    private ProcStat() {}

    public static long cpuTicks(String statLine) {
        int close = statLine.lastIndexOf(')');
        if (close < 0) throw new IllegalArgumentException("not a /proc/PID/stat line");
        String[] f = statLine.substring(close + 2).trim().split(" +");
        // f[0] is field 3 (state): utime is field 14 → f[11], stime field 15 → f[12]
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** Resident set size in kB from the {@code VmRSS:} line of /proc/PID/status, 0 when absent (a zombie). */
    public static long rssKb(String status) {
        return kb(status, "VmRSS:");
    }

    /** Resident memory in kB from /proc/PID/status split as RSS counts it: anonymous, file-backed, shared memory. */
    public record Rss(long anonKb, long fileKb, long shmemKb) {}

    public static Rss rss(String status) {
        return new Rss(kb(status, "RssAnon:"), kb(status, "RssFile:"), kb(status, "RssShmem:"));
    }

    private static long kb(String text, String key) {
        for (String line : text.split("\n")) {
            if (line.startsWith(key)) return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
        }
        return 0;
    }
}
