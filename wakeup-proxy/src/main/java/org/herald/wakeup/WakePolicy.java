package org.herald.wakeup;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * No wake storms: a device is woken at most once per {@code minInterval}; orders in between are
 * answered "suppressed" with the time of the next possible wake. Repeated orders for the same
 * device (the gateway retrying, or several messages arriving at once) therefore cost one datagram.
 * Pure and thread-safe; remembers at most {@code maxDevices} devices (least recently woken go first).
 */
public final class WakePolicy {

    /** What to do with an order. */
    public sealed interface Decision {
        record Wake() implements Decision {}

        record Suppressed(Instant nextWake) implements Decision {}
    }

    private final Duration minInterval;
    private final InstantSource clock;
    private final Map<String, Instant> lastWake;

    public WakePolicy(Duration minInterval, int maxDevices, InstantSource clock) {
        this.minInterval = minInterval;
        this.clock = clock;
        this.lastWake = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > maxDevices;
            }
        };
    }

    public synchronized Decision decide(WakeOrder order) {
        Instant now = clock.instant();
        Instant last = lastWake.get(order.device());
        if (last != null && now.isBefore(last.plus(minInterval))) return new Decision.Suppressed(last.plus(minInterval));
        lastWake.put(order.device(), now);
        return new Decision.Wake();
    }
}
