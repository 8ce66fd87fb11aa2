package org.herald.sip.event;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Timers the test fires by moving its clock. */
final class ManualScheduler implements Scheduler {
    private final AtomicReference<Instant> now;
    private final List<Entry> pending = new ArrayList<>();

    private static final class Entry {
        final Instant due;
        final Runnable task;
        boolean cancelled;

        Entry(Instant due, Runnable task) {
            this.due = due;
            this.task = task;
        }
    }

    ManualScheduler(AtomicReference<Instant> now) {
        this.now = now;
    }

    @Override
    public synchronized Timer after(Duration delay, Runnable task) {
        Entry e = new Entry(now.get().plus(delay), task);
        pending.add(e);
        return () -> e.cancelled = true;
    }

    /** Moves the clock forward, running every timer due on the way, in order. */
    void advance(Duration by) {
        Instant end = now.get().plus(by);
        while (true) {
            Entry next;
            synchronized (this) {
                pending.removeIf(e -> e.cancelled);
                next = pending.stream().filter(e -> !e.due.isAfter(end)).min(Comparator.comparing(e -> e.due)).orElse(null);
                if (next != null) pending.remove(next);
            }
            if (next == null) break;
            if (next.due.isAfter(now.get())) now.set(next.due);
            next.task.run();
        }
        now.set(end);
    }

    synchronized int live() {
        pending.removeIf(e -> e.cancelled);
        return pending.size();
    }
}
