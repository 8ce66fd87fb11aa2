package org.herald.push;

/** The push gateway's exception root: a misconfiguration or an internal failure, never bad client input. */
public class PushException extends RuntimeException {
    public PushException(String message) {
        super(message);
    }

    public PushException(String message, Throwable cause) {
        super(message, cause);
    }
}
