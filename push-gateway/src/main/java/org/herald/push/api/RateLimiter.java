package org.herald.push.api;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by key (an application, a device, "all"): {@code rate} per second with a burst of
 * {@code 2 × rate}. Time is injected. The table is bounded by forgetting everything when it gets large,
 * which only ever lets a little more through.
 */
public final class RateLimiter {
    private static final int MAX_KEYS = 100_000;

    private record Bucket(double tokens, long atNanos) {}

    private final double rate;
    private final double burst;
    private final InstantSource clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(double perSecond, InstantSource clock) {
        this.rate = perSecond;
        this.burst = Math.max(1, perSecond * 2);
        this.clock = clock;
    }

    /** Empty if allowed (one token taken), else how long until one is there. */
    public Optional<Duration> acquire(String key) {
        if (rate <= 0) return Optional.empty();
        if (buckets.size() > MAX_KEYS) buckets.clear();
        long now = clock.instant().getEpochSecond() * 1_000_000_000L + clock.instant().getNano();
        boolean[] allowed = {false};
        Bucket b = buckets.compute(key, (k, old) -> {
            double tokens = old == null ? burst : Math.min(burst, old.tokens() + (now - old.atNanos()) / 1e9 * rate);
            allowed[0] = tokens >= 1;
            return new Bucket(allowed[0] ? tokens - 1 : tokens, now);
        });
        if (allowed[0]) return Optional.empty();
        return Optional.of(Duration.ofMillis((long) Math.ceil((1 - b.tokens()) / rate * 1000)));
    }
}
