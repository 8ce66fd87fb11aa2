package org.herald.wakeup.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WakeRetryTest {
    /** Time that moves only when told. */
    static final class ManualTimer implements WakeRetry.Timer {
        record Task(long at, Runnable run, boolean[] cancelled) {}

        long now;
        final List<Task> tasks = new ArrayList<>();

        @Override
        public Runnable schedule(Duration delay, Runnable task) {
            boolean[] cancelled = {false};
            tasks.add(new Task(now + delay.toMillis(), task, cancelled));
            return () -> cancelled[0] = true;
        }

        void advance(long millis) {
            now += millis;
            for (Task t : List.copyOf(tasks)) {
                if (t.at() <= now && !t.cancelled()[0]) {
                    tasks.remove(t);
                    t.run().run();
                } else if (t.cancelled()[0]) {
                    tasks.remove(t);
                }
            }
        }
    }

    @Test
    void wakesAgainWithBackoffThenGivesUp() {
        ManualTimer timer = new ManualTimer();
        List<String> events = new ArrayList<>();
        WakeRetry retry = new WakeRetry(timer, Duration.ofSeconds(10), 3, d -> events.add(timer.now + " wake " + d),
                d -> events.add(timer.now + " unreachable " + d));
        retry.woken("dev");
        retry.woken("dev"); // a second message for the same sleeping device: no second schedule
        timer.advance(10_000);
        timer.advance(20_000);
        timer.advance(40_000);
        assertEquals(List.of("10000 wake dev", "30000 wake dev", "70000 unreachable dev"), events);
        assertEquals(0, retry.tracking());
    }

    @Test
    void aReconnectEndsTheRetries() {
        ManualTimer timer = new ManualTimer();
        List<String> events = new ArrayList<>();
        WakeRetry retry = new WakeRetry(timer, Duration.ofSeconds(10), 3, d -> events.add("wake"), d -> events.add("unreachable"));
        retry.woken("dev");
        timer.advance(10_000);
        retry.reconnected("dev");
        timer.advance(100_000);
        assertEquals(List.of("wake"), events);
        assertEquals(0, retry.tracking());
    }
}
