package org.herald.bench.load;

import java.util.concurrent.locks.LockSupport;

/** Monotonic time and waiting, injected so tests run a schedule without the wall clock. */
public interface Ticker {
    long nanos();

    /** Returns at or after {@code deadline} (immediately when it has passed). */
    void sleepUntil(long deadlineNanos) throws InterruptedException;

    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public void sleepUntil(long deadline) throws InterruptedException {
            long left;
            while ((left = deadline - System.nanoTime()) > 0) {
                if (Thread.interrupted()) throw new InterruptedException();
                // no spinning: the generator shares the cores with the server; parkNanos overshoots by
                // ~0.1 ms, which moves single sends but not the rate (due times are absolute)
                LockSupport.parkNanos(left);
            }
        }
    };
}
