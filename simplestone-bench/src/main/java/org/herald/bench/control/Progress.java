package org.herald.bench.control;

import java.io.PrintStream;
import java.util.Locale;
import org.herald.bench.load.Traffic;

/** The live line on stderr: a bar for the step's progress and the message rates of the last second. */
public final class Progress {
    private final PrintStream out;
    private final Traffic traffic;
    private Traffic.Snapshot last;

    public Progress(PrintStream out, Traffic traffic, long nanos) {
        this.out = out;
        this.traffic = traffic;
        this.last = traffic.snapshot(nanos);
    }

    public synchronized void tick(String stage, double fraction, long nanos) {
        Traffic.Snapshot now = traffic.snapshot(nanos);
        out.print("\r" + line(stage, fraction, now.ratesSince(last)));
        out.flush();
        last = now;
    }

    public synchronized void done() {
        out.println();
    }

    /** Pure, for tests: {@code [#####.....]  50% step 1000/s | PUBLISH 998/s 2xx 998/s fail 0/s | NOTIFY 1996/s}. */
    public static String line(String stage, double fraction, Traffic.Rates r) {
        int width = 20;
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * width);
        return String.format(Locale.ROOT, "[%s%s] %3.0f%% %-14s | PUBLISH %6.0f/s 2xx %6.0f/s fail %5.0f/s | NOTIFY %6.0f/s | SUBSCRIBE %5.0f/s ",
                "#".repeat(filled), ".".repeat(width - filled), 100 * Math.max(0, Math.min(1, fraction)), stage,
                r.publish(), r.publishOk(), r.publishFailed(), r.notifies(), r.subscribe());
    }
}
