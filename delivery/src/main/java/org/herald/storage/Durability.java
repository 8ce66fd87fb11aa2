package org.herald.storage;

/**
 * Makes acknowledged writes survive a crash of the process. Stores call {@link #awaitDurable()}
 * after a write and before the caller tells a client "accepted"; an external MongoDB with a
 * journaled write concern needs nothing more, the embedded server has to flush its files.
 */
@FunctionalInterface
public interface Durability {

    /** Returns once every write completed before this call is on disk (or as safe as configured). */
    void awaitDurable();

    static Durability alreadyDurable() {
        return () -> {};
    }
}
