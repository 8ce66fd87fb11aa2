package org.herald.bench.load;

/**
 * An open-loop schedule: the k-th PUBLISH of a step is due at {@code start + k / rate} whatever
 * happened to the ones before, and goes to presentity {@code (offset + k) mod N}, so each presentity
 * publishes once every {@code N / rate} seconds and the load is spread evenly over them.
 */
public record Schedule(double rate, int presentities, long startNanos, long warmupNanos, long endNanos, long offset) {

    public Schedule {
        if (rate <= 0 || presentities <= 0) throw new IllegalArgumentException("rate and presentities must be > 0");
    }

    public long due(long k) {
        return startNanos + (long) Math.floor(k * 1e9 / rate);
    }

    public int presentity(long k) {
        return (int) ((offset + k) % presentities);
    }

    /** PUBLISHes due in the warm-up are sent but not measured. */
    public boolean measured(long k) {
        return due(k) >= startNanos + warmupNanos;
    }

    public boolean hasNext(long k) {
        return due(k) < endNanos;
    }

    /** How many PUBLISHes the step sends in all. */
    public long total() {
        return (long) Math.ceil((endNanos - startNanos) * rate / 1e9 - 1e-9);
    }
}
