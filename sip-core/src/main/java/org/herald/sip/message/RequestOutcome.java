package org.herald.sip.message;

/** How a request Herald sent ended. */
public sealed interface RequestOutcome {

    /** A final response arrived. */
    record Answered(int status, Headers headers) implements RequestOutcome {
        public boolean success() {
            return status >= 200 && status < 300;
        }
    }

    /** No final response before the transaction timer fired (Timer B/F: RFC 3261 §17.1). */
    record TimedOut() implements RequestOutcome {}

    /** It could not be sent at all (no route, connection refused, flow gone). */
    record Unreachable(String why) implements RequestOutcome {}
}
