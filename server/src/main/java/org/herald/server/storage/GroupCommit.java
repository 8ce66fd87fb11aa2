package org.herald.server.storage;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.herald.storage.Durability;

/**
 * Durability by group commit: a caller that needs its writes on disk either runs the commit itself or
 * waits for the one that starts after it arrived, so N concurrent writers cost one flush, not N.
 */
final class GroupCommit implements Durability {
    private final Runnable flush;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition done = lock.newCondition();
    private long requested;
    private long completed;
    private boolean flushing;
    private RuntimeException lastFailure;

    GroupCommit(Runnable flush) {
        this.flush = flush;
    }

    @Override
    public void awaitDurable() {
        lock.lock();
        try {
            long ticket = ++requested;
            while (completed < ticket) {
                if (flushing) {
                    done.awaitUninterruptibly();
                    continue;
                }
                flushing = true;
                long target = requested;
                lock.unlock();
                RuntimeException failure = null;
                try {
                    flush.run();
                } catch (RuntimeException e) {
                    failure = e;
                } finally {
                    lock.lock();
                }
                flushing = false;
                lastFailure = failure;
                if (failure == null) completed = target;
                done.signalAll();
                if (failure != null) throw failure;
            }
        } finally {
            lock.unlock();
        }
    }
}
