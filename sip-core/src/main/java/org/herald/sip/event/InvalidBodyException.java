package org.herald.sip.event;

/** A PUBLISH body that does not parse or validate: answered 400 with the message in a Warning. */
public class InvalidBodyException extends Exception {
    public InvalidBodyException(String message) {
        super(message);
    }

    public InvalidBodyException(String message, Throwable cause) {
        super(message, cause);
    }
}
