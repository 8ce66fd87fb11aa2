package org.herald.bench.control;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.herald.bench.correlate.Correlator;
import org.herald.bench.correlate.PublishStatus;
import org.herald.bench.correlate.StepTally;
import org.herald.bench.load.Loader;
import org.herald.bench.load.PresenceBody;
import org.herald.bench.load.PublishLoop;
import org.herald.bench.load.Schedule;
import org.herald.bench.load.Ticker;
import org.herald.bench.load.Traffic;
import org.herald.bench.measure.ResourceSampler;
import org.herald.bench.report.Percentiles;
import org.herald.bench.report.RunReport;
import org.herald.bench.report.StepReport;
import org.herald.bench.spec.BenchSpec;
import org.herald.bench.sip.SipEndpoint;
import org.herald.bench.watch.Handler;

/**
 * SIMPLEStone's controller: sets up the watchers, publishes every presentity once, then runs the
 * steps (FIXED: all of them; SEARCH: until one is not sustained), drains each step's NOTIFYs for the
 * timeout, judges it with {@link SuccessRule}, and finally removes publications and subscriptions.
 */
public final class Controller {
    private static final long MS = 1_000_000L;
    private final BenchSpec spec;
    private final PrintStream console;
    private final Ticker ticker = Ticker.SYSTEM;

    public Controller(BenchSpec spec, PrintStream console) {
        this.spec = spec;
        this.console = console;
    }

    public RunReport run() throws IOException, InterruptedException {
        String runId = Long.toHexString(System.nanoTime() & 0xffffffffL);
        String startedAt = Instant.now().toString();
        BenchSpec.Population pop = spec.population();
        BenchSpec.Success success = spec.success();
        Traffic traffic = new Traffic();
        Correlator correlator = new Correlator(pop.presentities(), pop.watchersPerPresentity(), success.notifyTimeoutMs() * MS);
        PresenceBody body = spec.body().file() == null ? PresenceBody.generated(spec.body().size(), runId)
                : PresenceBody.fromFile(java.nio.file.Path.of(spec.body().file()), runId);
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, Thread.ofPlatform().daemon().name("bench-timer-", 0).factory());
        BenchSpec.Target t = spec.target();
        Handler handler = new Handler(spec, correlator, ticker, traffic, runId);
        List<String> notes = new ArrayList<>();
        try (SipEndpoint watchEp = SipEndpoint.open(t.transport().name(), t.host(), t.port(), timers, handler);
             SipEndpoint loadEp = SipEndpoint.open(t.transport().name(), t.host(), t.port(), timers, r -> { });
             ResourceSampler sampler = new ResourceSampler(t.pid(), timers)) {
            handler.attach(watchEp);
            Loader loader = new Loader(spec, loadEp, correlator, body, ticker, traffic, runId);
            Progress progress = spec.output().progress() ? new Progress(console, traffic, ticker.nanos()) : null;
            var ticking = progress == null ? null : timers.scheduleAtFixedRate(() -> progress.tick(stage, fraction(), ticker.nanos()), 1, 1, TimeUnit.SECONDS);

            // set-up: every watcher subscribed, then every presentity publishes once (not measured)
            long setupStart = ticker.nanos();
            stage("subscribing", setupStart, (long) (pop.watchers() * 1e9 / pop.subscribeRate()));
            int established = handler.subscribeAll(pop.subscribeRate(), (long) (pop.watchers() * 1000.0 / pop.subscribeRate()) + 10_000);
            if (established == 0) {
                throw new IllegalStateException("no subscription was established: is a presence server at " + t.host() + ":" + t.port()
                        + " over " + t.transport() + " serving domain " + t.domain() + " without authentication?");
            }
            if (established < pop.watchers()) notes.add("only " + established + " of " + pop.watchers() + " subscriptions established");
            long primeNanos = (long) (pop.presentities() * 1e9 / pop.subscribeRate());
            stage("first PUBLISH", ticker.nanos(), primeNanos);
            long now = ticker.nanos();
            long offset = PublishLoop.run(new Schedule(pop.subscribeRate(), pop.presentities(), now, primeNanos + 1, now + primeNanos, 0),
                    ticker, loader);
            drain(correlator, -1, ticker.nanos());
            if (spec.load().prime() > 0) { // at the first rate, never reported: JIT warm-up of both sides
                long primeLength = (long) (spec.load().prime() * 1e9);
                stage("priming", ticker.nanos(), primeLength);
                now = ticker.nanos();
                offset += PublishLoop.run(new Schedule(spec.load().rates().getFirst(), pop.presentities(), now, primeLength + 1,
                        now + primeLength, offset), ticker, loader);
                drain(correlator, -1, ticker.nanos());
            }
            RunReport.Setup setup = new RunReport.Setup(pop.watchers(), established, (ticker.nanos() - setupStart) / 1e9, pop.presentities());

            List<StepReport> steps = new ArrayList<>();
            List<Boolean> verdicts = new ArrayList<>();
            List<Double> rates = spec.load().rates();
            BenchSpec.Mode mode = spec.load().mode();
            while (Search.continueAfter(mode, rates, verdicts)) {
                double rate = rates.get(verdicts.size());
                if (!verdicts.isEmpty() && spec.load().pause() > 0) Thread.sleep((long) (spec.load().pause() * 1000));
                int step = correlator.beginStep();
                long warmup = (long) (spec.load().warmup() * 1e9);
                long start = ticker.nanos() + 50 * MS;
                long end = start + warmup + (long) (spec.load().duration() * 1e9);
                stage(String.format(java.util.Locale.ROOT, "step %.0f/s", rate), start, end - start);
                long retransBefore = loadEp.retransmissions();
                offset += PublishLoop.run(new Schedule(rate, pop.presentities(), start, warmup, end, offset), ticker, loader);
                long measuredEnd = ticker.nanos();
                drain(correlator, step, end);
                StepTally tally = correlator.tally(step);
                ResourceSampler.Usage usage = sampler.usage(start + warmup, measuredEnd);
                StepReport r = report(step, rate, tally, usage, loadEp.retransmissions() - retransBefore);
                steps.add(r);
                verdicts.add(r.sustained());
                correlator.forgetBefore(step);
                if (progress != null) progress.done();
                console.println(summary(r));
            }
            Double highest = Search.highestSustained(mode, rates, verdicts);
            if (ticking != null) ticking.cancel(false);
            stage("cleaning up", ticker.nanos(), 1);
            int removed = loader.removeAll(5000);
            if (removed < pop.presentities()) {
                notes.add("removed " + removed + " of " + pop.presentities() + " publications at the end; the others expire after "
                        + spec.load().publicationExpires() + " s (a later run ignores them: markers name their run)");
            }
            handler.unsubscribeAll(5000);
            notes.add("NOTIFYs by Content-Type: " + handler.notifyBodyTypes());
            int last = steps.isEmpty() ? -1 : steps.getLast().index();
            if (last >= 0) {
                StepTally end = correlator.tally(last);
                notes.add(end.unversionedNotifiesSoFar() + " NOTIFYs carried no version (set-up state, or removed by a filter); "
                        + end.staleNotifiesSoFar() + " repeated a version the watcher had already seen (retransmissions)");
            }
            if (handler.unknownDialogNotifies() > 0) notes.add(handler.unknownDialogNotifies() + " NOTIFYs for unknown dialogs (answered 481)");
            if (watchEp.malformed() + loadEp.malformed() > 0) notes.add((watchEp.malformed() + loadEp.malformed()) + " malformed messages received");
            return new RunReport("herald-simplestone", t.label(), startedAt, RunReport.Machine.current(), spec, setup,
                    List.copyOf(steps), highest, List.copyOf(notes));
        } finally {
            timers.shutdownNow();
        }
    }

    /**
     * Waits until the step has settled (every PUBLISH answered, every accepted one known to every
     * watcher), or else until the NOTIFY timeout has passed and every PUBLISH is answered or timed out.
     */
    private void drain(Correlator correlator, int step, long stepEnd) throws InterruptedException {
        long notifyDeadline = stepEnd + spec.success().notifyTimeoutMs() * MS;
        long hardDeadline = stepEnd + (Math.max(spec.success().publishTimeoutMs(), spec.success().notifyTimeoutMs()) + 1000) * MS;
        while (ticker.nanos() < hardDeadline && !correlator.settled(step)) {
            if (ticker.nanos() >= notifyDeadline && !correlator.hasPending(step)) return;
            Thread.sleep(50);
        }
    }

    private StepReport report(int index, double rate, StepTally t, ResourceSampler.Usage u, long retransmissions) {
        long window = Math.max(1, t.lastSentNanos() - t.firstSentNanos()); // actual sends: lag lowers the offered rate
        double measuredSeconds = t.sent() <= 1 ? spec.load().duration() : window / 1e9 + 1 / rate;
        double offered = t.sent() / measuredSeconds;
        long notifyOk = spec.success().acceptCoalesced() ? t.notifiedInTime() : t.exactInTime();
        SuccessRule.Counts counts = new SuccessRule.Counts(t.sent(), t.count(PublishStatus.STALE_ETAG), t.accepted(),
                t.expectedNotifies(), notifyOk, rate, offered, t.lateSends());
        SuccessRule.Verdict v = SuccessRule.judge(counts, spec.success());
        Map<String, Long> codes = new LinkedHashMap<>();
        t.responseCodes().forEach((k, n) -> codes.put(k.toString(), n));
        return new StepReport(index, rate, round(offered), round(measuredSeconds), t.sent(), t.accepted(),
                t.count(PublishStatus.STALE_ETAG), t.count(PublishStatus.REJECTED), t.count(PublishStatus.TIMED_OUT) + t.count(PublishStatus.PENDING),
                codes, SuccessRule.publishRatio(counts), t.expectedNotifies(), t.notifiedInTime(), t.exactInTime(), t.notifiedLate(),
                t.missingNotifies(), SuccessRule.notifyRatio(counts), Percentiles.of(t.publishLatency()), Percentiles.of(t.notifyLatency()),
                Percentiles.of(t.exactNotifyLatency()), round(t.accepted() / measuredSeconds),
                round((t.notifiedInTime() + t.notifiedLate()) / measuredSeconds), orNull(u.sutCpu()), orNull(u.sutRssMb()),
                orNull(u.benchCpu()), orNull(u.benchRssMb()), t.lateSends(), t.maxSendLagNanos() / 1e6, retransmissions,
                v.sustained(), v.generatorLimited(), v.reasons());
    }

    static String summary(StepReport r) {
        return String.format(java.util.Locale.ROOT,
                "step %.0f/s: offered %.1f/s, PUBLISH %d sent, %.2f %% 2xx (%d stale-ETag 412, %d rejected, %d no answer), "
                        + "NOTIFY %.2f %% in time (%d/%d, %d late), PUBLISH→NOTIFY p50 %s p99 %s ms, SUT CPU %s %%, bench CPU %s %% → %s",
                r.targetRate(), r.offeredRate(), r.publishSent(), 100 * r.publishSuccess(), r.publishStaleEtag(), r.publishRejected(),
                r.publishTimedOut(), 100 * r.notifySuccess(), r.notifyInTime(), r.notifyExpected(), r.notifyLate(),
                r.notifyLatencyMs().p50(), r.notifyLatencyMs().p99(), fmt(r.sutCpuPercent()), fmt(r.benchCpuPercent()),
                r.sustained() ? "SUSTAINED" : "not sustained: " + String.join("; ", r.reasons()));
    }

    private static String fmt(Double d) {
        return d == null ? "-" : String.format(java.util.Locale.ROOT, "%.0f", d);
    }

    private static Double orNull(double d) {
        return Double.isNaN(d) ? null : Math.round(d * 10) / 10.0;
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }

    // the progress line's view of where we are
    private volatile String stage = "starting";
    private volatile long stageStart;
    private volatile long stageLength = 1;

    private void stage(String name, long start, long length) {
        stage = name;
        stageStart = start;
        stageLength = Math.max(1, length);
    }

    private double fraction() {
        return (ticker.nanos() - stageStart) / (double) stageLength;
    }
}
