package org.herald.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Herald's metrics, written in the Prometheus text exposition format (0.0.4) at {@code GET /metrics}.
 * Counters and histograms are updated on the hot path with {@link LongAdder}s (no lock); gauges are
 * read when scraped, from the component that owns the number, so they cannot drift from it.
 * Hand-written because the format is a page long and the client libraries bring their own registries
 * and threads.
 */
public final class Metrics {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private final Map<String, Family> families = new ConcurrentHashMap<>();
    private final List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A family of series, one per combination of label values. */
    private sealed interface Family permits Counter, Gauge, Histogram {
        String name();

        void write(StringBuilder out);
    }

    public Counter counter(String name, String help, String... labels) {
        return register(new Counter(name, help, List.of(labels)));
    }

    /** A gauge whose series (label values → value) are read at each scrape. */
    public void gauge(String name, String help, List<String> labels, Supplier<Map<List<String>, ? extends Number>> series) {
        register(new Gauge(name, help, labels, series));
    }

    /** A gauge without labels. */
    public void gauge(String name, String help, Supplier<? extends Number> value) {
        gauge(name, help, List.of(), () -> Map.of(List.of(), value.get()));
    }

    /** A histogram with these upper bounds (seconds, ascending); +Inf is added. */
    public Histogram histogram(String name, String help, double[] bounds, String... labels) {
        return register(new Histogram(name, help, bounds, List.of(labels)));
    }

    /** Every family, in registration order. */
    public String scrape() {
        StringBuilder out = new StringBuilder(4096);
        for (String name : order) families.get(name).write(out);
        return out.toString();
    }

    private <F extends Family> F register(F family) {
        if (!NAME.matcher(family.name()).matches()) throw new IllegalArgumentException("bad metric name " + family.name());
        if (families.putIfAbsent(family.name(), family) != null) {
            throw new IllegalArgumentException("metric " + family.name() + " registered twice");
        }
        order.add(family.name());
        return family;
    }

    /** A monotonically increasing count per label values. */
    public static final class Counter implements Family {
        private final String name;
        private final String help;
        private final List<String> labels;
        private final Map<List<String>, LongAdder> series = new ConcurrentHashMap<>();

        private Counter(String name, String help, List<String> labels) {
            this.name = name;
            this.help = help;
            this.labels = labels;
        }

        @Override
        public String name() {
            return name;
        }

        public void inc(String... values) {
            add(1, values);
        }

        public void add(long n, String... values) {
            if (values.length != labels.size()) throw new IllegalArgumentException(name + " takes labels " + labels);
            series.computeIfAbsent(List.of(values), k -> new LongAdder()).add(n);
        }

        /** The current count for these label values (0 if never counted). */
        public long value(String... values) {
            LongAdder a = series.get(List.of(values));
            return a == null ? 0 : a.sum();
        }

        @Override
        public void write(StringBuilder out) {
            header(out, name, help, "counter");
            series.entrySet().stream().sorted(Map.Entry.comparingByKey(Metrics::compare))
                    .forEach(e -> sample(out, name, labels, e.getKey(), e.getValue().sum()));
        }
    }

    private record Gauge(String name, String help, List<String> labels,
                         Supplier<Map<List<String>, ? extends Number>> series) implements Family {
        @Override
        public void write(StringBuilder out) {
            Map<List<String>, ? extends Number> now;
            try {
                now = series.get();
            } catch (RuntimeException e) {
                return; // its owner cannot tell now (e.g. the store is down): leave the gauge out of this scrape
            }
            header(out, name, help, "gauge");
            now.entrySet().stream().sorted(Map.Entry.comparingByKey(Metrics::compare))
                    .forEach(e -> sample(out, name, labels, e.getKey(), e.getValue()));
        }
    }

    /** Counts of observations per bucket, cumulative on output, with their sum. */
    public static final class Histogram implements Family {
        private final String name;
        private final String help;
        private final double[] bounds;
        private final List<String> labels;
        private final Map<List<String>, Buckets> series = new ConcurrentHashMap<>();

        private record Buckets(LongAdder[] counts, java.util.concurrent.atomic.DoubleAdder sum) {}

        private Histogram(String name, String help, double[] bounds, List<String> labels) {
            this.name = name;
            this.help = help;
            this.bounds = bounds.clone();
            this.labels = labels;
            for (int i = 1; i < bounds.length; i++) {
                if (bounds[i] <= bounds[i - 1]) throw new IllegalArgumentException("bounds must ascend");
            }
        }

        @Override
        public String name() {
            return name;
        }

        public void observe(double seconds, String... values) {
            Buckets b = series.computeIfAbsent(List.of(values), k -> {
                LongAdder[] counts = new LongAdder[bounds.length + 1];
                for (int i = 0; i < counts.length; i++) counts[i] = new LongAdder();
                return new Buckets(counts, new java.util.concurrent.atomic.DoubleAdder());
            });
            int i = 0;
            while (i < bounds.length && seconds > bounds[i]) i++;
            b.counts()[i].increment();
            b.sum().add(seconds);
        }

        @Override
        public void write(StringBuilder out) {
            header(out, name, help, "histogram");
            List<String> withLe = new ArrayList<>(labels);
            withLe.add("le");
            series.entrySet().stream().sorted(Map.Entry.comparingByKey(Metrics::compare)).forEach(e -> {
                long cumulative = 0;
                LongAdder[] counts = e.getValue().counts();
                for (int i = 0; i <= bounds.length; i++) {
                    cumulative += counts[i].sum();
                    List<String> values = new ArrayList<>(e.getKey());
                    values.add(i < bounds.length ? number(bounds[i]) : "+Inf");
                    sample(out, name + "_bucket", withLe, values, cumulative);
                }
                sample(out, name + "_sum", labels, e.getKey(), e.getValue().sum().sum());
                sample(out, name + "_count", labels, e.getKey(), cumulative);
            });
        }
    }

    private static void header(StringBuilder out, String name, String help, String type) {
        out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder out, String name, List<String> labels, List<String> values, Number value) {
        out.append(name);
        if (!labels.isEmpty()) {
            out.append('{');
            for (int i = 0; i < labels.size(); i++) {
                if (i > 0) out.append(',');
                out.append(labels.get(i)).append("=\"").append(escape(values.get(i))).append('"');
            }
            out.append('}');
        }
        out.append(' ').append(number(value.doubleValue())).append('\n');
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String number(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return String.format(Locale.ROOT, "%s", d);
    }

    private static int compare(List<String> a, List<String> b) {
        return Arrays.compare(a.toArray(String[]::new), b.toArray(String[]::new));
    }
}
