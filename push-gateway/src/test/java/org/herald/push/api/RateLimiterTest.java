package org.herald.push.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.herald.push.MutableClock;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    @Test
    void allowsABurstOfTwiceTheRateThenRefillsAtTheRate() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        RateLimiter limiter = new RateLimiter(2, clock);
        for (int i = 0; i < 4; i++) assertTrue(limiter.acquire("a").isEmpty(), "burst " + i);
        assertEquals(Duration.ofMillis(500), limiter.acquire("a").orElseThrow());
        assertTrue(limiter.acquire("b").isEmpty(), "keys are independent");
        clock.advance(Duration.ofMillis(500));
        assertTrue(limiter.acquire("a").isEmpty());
        assertTrue(limiter.acquire("a").isPresent());
    }

    @Test
    void aRateOfZeroMeansNoLimit() {
        RateLimiter limiter = new RateLimiter(0, Instant::now);
        for (int i = 0; i < 100; i++) assertTrue(limiter.acquire("a").isEmpty());
    }
}
