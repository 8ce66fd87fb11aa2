package org.herald.bench.spec;

import java.util.List;

/**
 * A SIMPLEStone test specification: what to load, how hard, and what counts as success. Read from
 * YAML by {@link SpecLoader} (kebab-case keys); every field has a default so a spec names only what
 * it changes. Durations are seconds, timeouts milliseconds.
 */
public record BenchSpec(Target target, Population population, Watch watch, Load load, Body body, Success success, Output output) {

    public enum Transport { UDP, TCP, TLS }

    public enum Mode { FIXED, SEARCH }

    /** The system under test, reached over the wire only; {@code pid} (optional) for its CPU and memory. */
    public record Target(String host, int port, Transport transport, String domain, Long pid, String label) {
        public Target {
            host = host == null ? "127.0.0.1" : host;
            port = port == 0 ? 5060 : port;
            transport = transport == null ? Transport.UDP : transport;
            domain = domain == null ? "localhost" : domain;
            label = label == null ? "sut" : label;
        }
    }

    /**
     * Who publishes and who watches. {@code {n}} in a pattern is the index (0-based). Each presentity
     * has {@code watchersPerPresentity} distinct watchers.
     */
    public record Population(int presentities, String presentityPattern, int watchersPerPresentity, String watcherPattern,
                             int subscribeRate, int subscriptionExpires) {
        public Population {
            presentities = presentities == 0 ? 100 : presentities;
            presentityPattern = presentityPattern == null ? "ss-pres{n}" : presentityPattern;
            watchersPerPresentity = watchersPerPresentity == 0 ? 2 : watchersPerPresentity;
            watcherPattern = watcherPattern == null ? "ss-watch{n}" : watcherPattern;
            subscribeRate = subscribeRate == 0 ? 500 : subscribeRate;
            subscriptionExpires = subscriptionExpires == 0 ? 3600 : subscriptionExpires;
        }

        public int watchers() {
            return presentities * watchersPerPresentity;
        }

        public String presentityUser(int n) {
            return presentityPattern.replace("{n}", Integer.toString(n));
        }

        public String watcherUser(int n) {
            return watcherPattern.replace("{n}", Integer.toString(n));
        }
    }

    /**
     * Options of the watchers' SUBSCRIBEs that change the server's work: {@code accept} (e.g.
     * {@code application/pidf-diff+xml, application/pidf+xml} asks for partial notification, RFC 5263)
     * and {@code filterFile}, an RFC 4661 filter document sent as the SUBSCRIBE body. A filter must
     * keep the tuple's {@code <note>}: it carries the version that correlates NOTIFYs.
     */
    public record Watch(String accept, String filterFile) {
        public Watch {
            accept = accept == null ? "application/pidf+xml" : accept;
        }
    }

    /**
     * PUBLISH rates in PUBLISH/s. FIXED runs every rate in {@code rates} as a step; SEARCH runs them in
     * order and stops after the first step that is not sustained (the highest sustained one is the answer).
     * Each step: {@code warmup} s not measured, then {@code duration} s measured, then a drain of at most
     * the NOTIFY timeout, then {@code pause} s of quiet. {@code prime} s at the first rate before the
     * first step, never reported, let a freshly started JVM (server or bench) compile its hot paths.
     */
    public record Load(Mode mode, List<Double> rates, Ramp ramp, double warmup, double duration, double pause, double prime,
                       int publicationExpires) {
        public Load {
            mode = mode == null ? Mode.FIXED : mode;
            if (ramp != null && rates != null && !rates.isEmpty()) throw new IllegalArgumentException("load: give rates or ramp, not both");
            rates = ramp != null ? ramp.rates() : rates == null || rates.isEmpty() ? List.of(100.0) : List.copyOf(rates);
            ramp = null; // expanded into rates
            duration = duration == 0 ? 30 : duration;
            pause = pause < 0 ? 0 : pause;
            publicationExpires = publicationExpires == 0 ? 3600 : publicationExpires;
        }
    }

    /** A stepped ramp: {@code from}, {@code from + step}, … up to {@code to} PUBLISH/s (at most 1000 steps). */
    public record Ramp(double from, double to, double step) {
        List<Double> rates() {
            if (from <= 0 || step <= 0 || to < from) throw new IllegalArgumentException("load.ramp needs 0 < from <= to and step > 0");
            if ((to - from) / step > 1000) throw new IllegalArgumentException("load.ramp has more than 1000 steps");
            List<Double> out = new java.util.ArrayList<>();
            for (int i = 0; from + i * step <= to + 1e-9; i++) out.add(from + i * step);
            return List.copyOf(out);
        }
    }

    /** The PIDF body: generated at about {@code size} bytes, or a template file (see PresenceBody). */
    public record Body(int size, String file) {
        public Body {
            size = size == 0 ? 500 : size;
        }
    }

    /**
     * The success rule. A PUBLISH succeeds with a 2xx within {@code publishTimeoutMs}; its NOTIFYs
     * succeed when every watcher learns that state (or a newer one, if {@code acceptCoalesced}) within
     * {@code notifyTimeoutMs} of the PUBLISH's scheduled time. A step is sustained when both ratios and
     * the offered rate reach their thresholds, and at most {@code lateSendRatio} of the PUBLISHes left
     * more than 10 ms after their due time (otherwise the bench, not the server, was the limit).
     */
    public record Success(long notifyTimeoutMs, long publishTimeoutMs, double publishRatio, double notifyRatio,
                          double offeredRatio, Double lateSendRatio, Boolean acceptCoalesced) {
        public Success {
            notifyTimeoutMs = notifyTimeoutMs == 0 ? 2000 : notifyTimeoutMs;
            publishTimeoutMs = publishTimeoutMs == 0 ? 8000 : publishTimeoutMs;
            publishRatio = publishRatio == 0 ? 0.99 : publishRatio;
            notifyRatio = notifyRatio == 0 ? 0.99 : notifyRatio;
            offeredRatio = offeredRatio == 0 ? 0.97 : offeredRatio;
            lateSendRatio = lateSendRatio == null ? 0.01 : lateSendRatio;
            acceptCoalesced = acceptCoalesced == null ? Boolean.TRUE : acceptCoalesced;
        }
    }

    /**
     * Where results go: {@code dir}/run.json, steps.csv, report.html; without a dir,
     * {@code simplestone-results/LABEL-TIME} under the working directory. {@code progress} prints a live line.
     */
    public record Output(String dir, Boolean progress) {
        public Output {
            progress = progress == null ? Boolean.TRUE : progress;
        }
    }

    public BenchSpec {
        target = target == null ? new Target(null, 0, null, null, null, null) : target;
        population = population == null ? new Population(0, null, 0, null, 0, 0) : population;
        load = load == null ? new Load(null, null, null, 0, 0, 0, 0, 0) : load;
        body = body == null ? new Body(0, null) : body;
        success = success == null ? new Success(0, 0, 0, 0, 0, null, null) : success;
        output = output == null ? new Output(null, null) : output;
        watch = watch == null ? new Watch(null, null) : watch;
    }

    /** Rejects specs that cannot run, with a message that names the key. */
    public BenchSpec validate() {
        require(target.port() > 0 && target.port() < 65536, "target.port must be 1..65535");
        require(population.presentities() > 0, "population.presentities must be > 0");
        require(population.watchersPerPresentity() >= 1, "population.watchers-per-presentity must be >= 1");
        require(population.presentityPattern().contains("{n}"), "population.presentity-pattern must contain {n}");
        require(population.watcherPattern().contains("{n}"), "population.watcher-pattern must contain {n}");
        require(load.rates().stream().allMatch(r -> r > 0), "load.rates must all be > 0");
        require(load.duration() > 0 && load.warmup() >= 0 && load.prime() >= 0, "load.duration must be > 0, load.warmup and load.prime >= 0");
        require(body.size() >= 200 && body.size() <= 60_000, "body.size must be 200..60000 bytes");
        require(success.notifyTimeoutMs() > 0, "success.notify-timeout-ms must be > 0");
        return this;
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
