package org.herald.storage;

/** A store could not do what was asked (unreachable, timed out, rejected). Callers answer 500/503. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
