package org.herald.sip.event;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Runs a task after a delay; injected so that tests fire timers by hand. */
public interface Scheduler {

    /** A scheduled task that has not run yet can be cancelled. */
    interface Timer {
        void cancel();
    }

    Timer after(Duration delay, Runnable task);

    /** One shared daemon timer thread; each task runs on its own virtual thread so none holds up the others. */
    static Scheduler system() {
        return SystemScheduler.INSTANCE;
    }

    final class SystemScheduler implements Scheduler {
        static final SystemScheduler INSTANCE = new SystemScheduler();
        private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "herald-notify-timer");
            t.setDaemon(true);
            return t;
        });

        private SystemScheduler() {
            executor.setRemoveOnCancelPolicy(true);
        }

        @Override
        public Timer after(Duration delay, Runnable task) {
            var future = executor.schedule(() -> Thread.ofVirtual().start(task),
                    Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        }
    }
}
