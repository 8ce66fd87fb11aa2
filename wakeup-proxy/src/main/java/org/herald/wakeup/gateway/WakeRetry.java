package org.herald.wakeup.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The backup of the wake path: a device woken but not reconnected within {@code first} is woken again,
 * then after twice as long, and so on, {@code attempts} times in all; after that it is reported
 * unreachable (its messages still wait for their TTL). A reconnect ends it.
 */
public final class WakeRetry {

    /** Runs a task after a delay; returns what cancels it. Injected so tests control time. */
    @FunctionalInterface
    public interface Timer {
        Runnable schedule(Duration delay, Runnable task);

        static Timer of(ScheduledExecutorService executor) {
            return (delay, task) -> {
                ScheduledFuture<?> f = executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
                return () -> f.cancel(false);
            };
        }
    }

    private record Tracking(int attempt, Runnable cancel) {}

    private final Timer timer;
    private final Duration first;
    private final int attempts;
    private final Consumer<String> wakeAgain;
    private final Consumer<String> unreachable;
    private final Map<String, Tracking> devices = new ConcurrentHashMap<>();

    public WakeRetry(Timer timer, Duration first, int attempts, Consumer<String> wakeAgain, Consumer<String> unreachable) {
        if (attempts < 1) throw new IllegalArgumentException("at least one attempt");
        this.timer = timer;
        this.first = first;
        this.attempts = attempts;
        this.wakeAgain = wakeAgain;
        this.unreachable = unreachable;
    }

    /** The device was just woken (attempt 1); does nothing if a retry is already under way. */
    public void woken(String device) {
        devices.computeIfAbsent(device, d -> new Tracking(1, timer.schedule(first, () -> due(d, 1))));
    }

    /** The device is back: stop retrying. */
    public void reconnected(String device) {
        Tracking t = devices.remove(device);
        if (t != null) t.cancel().run();
    }

    public int tracking() {
        return devices.size();
    }

    private void due(String device, int attempt) {
        Tracking current = devices.get(device);
        if (current == null || current.attempt() != attempt) return; // reconnected, or superseded
        if (attempt >= attempts) {
            devices.remove(device, current);
            unreachable.accept(device);
            return;
        }
        Duration next = first.multipliedBy(1L << attempt); // first, 2 first, 4 first ...
        devices.put(device, new Tracking(attempt + 1, timer.schedule(next, () -> due(device, attempt + 1))));
        wakeAgain.accept(device);
    }
}
