package org.herald.bench.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.herald.bench.spec.BenchSpec;

/**
 * SIMPLEStone's verdict on a step. Sustained when: PUBLISHes answered 2xx ≥ publishRatio of those
 * sent, not counting 412s caused by our own overlapping PUBLISHes (the population is too small for
 * the server's answer time, not a server failure; but accepted ≥ offeredRatio of all sent, else the
 * load was not carried and that is the reason given), NOTIFYs within the timeout ≥
 * notifyRatio of (accepted PUBLISHes × watchers), and the rate actually offered ≥ offeredRatio of the
 * target. A generator that sent more than lateSendRatio (1 %) of its PUBLISHes over 10 ms late is itself saturated:
 * the step is then not sustained either, and the reason says the bench, not the server, fell behind.
 */
public final class SuccessRule {

    /** The numbers a verdict needs. */
    public record Counts(long sent, long staleEtag, long accepted, long notifyExpected, long notifyOk,
                         double targetRate, double offeredRate, long lateSends) {}

    public record Verdict(boolean sustained, boolean generatorLimited, List<String> reasons) {}

    private SuccessRule() {}

    public static double publishRatio(Counts c) {
        long counted = c.sent() - c.staleEtag();
        return counted <= 0 ? 0 : (double) c.accepted() / counted;
    }

    public static double notifyRatio(Counts c) {
        return c.notifyExpected() <= 0 ? 0 : (double) c.notifyOk() / c.notifyExpected();
    }

    public static Verdict judge(Counts c, BenchSpec.Success s) {
        List<String> reasons = new ArrayList<>();
        if (c.sent() == 0) reasons.add("no PUBLISH was sent in the measured window");
        double pub = publishRatio(c);
        if (pub < s.publishRatio()) reasons.add(String.format(Locale.ROOT, "PUBLISH 2xx %.2f %% < %.2f %%", 100 * pub, 100 * s.publishRatio()));
        // stale-ETag 412s are not server failures, but the load they stand for was not carried either: like
        // the offered rate, the accepted share must reach offeredRatio (a closed-loop generator would have
        // waited for the answers and offered that much less)
        double carried = c.sent() <= 0 ? 0 : (double) c.accepted() / c.sent();
        if (c.staleEtag() > 0 && carried < s.offeredRatio() && pub >= s.publishRatio()) {
            reasons.add(String.format(Locale.ROOT, "carried %.1f %% of the PUBLISHes < %.1f %%: %.1f %% overlapped the previous one of their "
                    + "presentity (stale-ETag 412), answers slower than a presentity's period; more presentities measure pure throughput",
                    100 * carried, 100 * s.offeredRatio(), 100.0 * c.staleEtag() / c.sent()));
        }
        double notify = notifyRatio(c);
        if (notify < s.notifyRatio()) {
            reasons.add(String.format(Locale.ROOT, "NOTIFY within %d ms %.2f %% < %.2f %%", s.notifyTimeoutMs(), 100 * notify, 100 * s.notifyRatio()));
        }
        double offered = c.targetRate() <= 0 ? 0 : c.offeredRate() / c.targetRate();
        if (offered < s.offeredRatio()) {
            reasons.add(String.format(Locale.ROOT, "offered %.1f/s = %.1f %% of target < %.1f %%", c.offeredRate(), 100 * offered, 100 * s.offeredRatio()));
        }
        boolean generatorLimited = c.sent() > 0 && c.lateSends() > s.lateSendRatio() * c.sent();
        if (generatorLimited) reasons.add(String.format(Locale.ROOT, "bench saturated: %d of %d PUBLISHes left > 10 ms late", c.lateSends(), c.sent()));
        return new Verdict(reasons.isEmpty(), generatorLimited, List.copyOf(reasons));
    }
}
