package org.herald.sip;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A fixed set of locks chosen by key hash: serializes work per AOR or presentity without a map of
 * locks that grows. ReentrantLock rather than synchronized so virtual threads do not pin.
 */
public final class StripedLocks {
    private final ReentrantLock[] locks;

    public StripedLocks(int stripes) {
        locks = new ReentrantLock[Integer.highestOneBit(Math.max(1, stripes - 1)) << 1];
        for (int i = 0; i < locks.length; i++) locks[i] = new ReentrantLock();
    }

    public <T> T withLock(Object key, Supplier<T> work) {
        int h = key.hashCode();
        ReentrantLock lock = locks[(h ^ (h >>> 16)) & (locks.length - 1)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    public void withLock(Object key, Runnable work) {
        withLock(key, () -> {
            work.run();
            return null;
        });
    }
}
