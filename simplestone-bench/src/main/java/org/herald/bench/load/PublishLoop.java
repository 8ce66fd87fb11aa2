package org.herald.bench.load;

/**
 * Walks a {@link Schedule}: waits for each due time and fires. Never waits for answers (open loop):
 * behind schedule it fires at once until it has caught up, and the lag is reported, not hidden.
 */
public final class PublishLoop {

    /** Sends the PUBLISH of slot k. */
    @FunctionalInterface
    public interface Sender {
        void send(int presentity, long dueNanos, long sentNanos, boolean measured);
    }

    private PublishLoop() {}

    /** Runs the step to its end; returns the number of PUBLISHes sent (the schedule's next offset). */
    public static long run(Schedule schedule, Ticker ticker, Sender sender) throws InterruptedException {
        long k = 0;
        for (; schedule.hasNext(k); k++) {
            long due = schedule.due(k);
            ticker.sleepUntil(due);
            sender.send(schedule.presentity(k), due, ticker.nanos(), schedule.measured(k));
        }
        return k;
    }
}
