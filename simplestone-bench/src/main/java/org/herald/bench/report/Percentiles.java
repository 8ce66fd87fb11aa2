package org.herald.bench.report;

import org.HdrHistogram.Histogram;

/** Latency percentiles in milliseconds (HdrHistogram, 3 significant digits); null fields when nothing was recorded. */
public record Percentiles(long count, Double mean, Double p50, Double p90, Double p99, Double p999, Double max) {

    public static Percentiles of(Histogram nanos) {
        if (nanos.getTotalCount() == 0) return new Percentiles(0, null, null, null, null, null, null);
        return new Percentiles(nanos.getTotalCount(), ms(nanos.getMean()), ms(nanos.getValueAtPercentile(50)),
                ms(nanos.getValueAtPercentile(90)), ms(nanos.getValueAtPercentile(99)), ms(nanos.getValueAtPercentile(99.9)),
                ms(nanos.getMaxValue()));
    }

    private static Double ms(double nanos) {
        return Math.round(nanos / 1e3) / 1e3;
    }
}
