package org.herald.sip.event;

import org.herald.sip.message.SipResponse;

/** An event package's verdict on the body of a SUBSCRIBE (RFC 6665 §4.2.1: the package defines its meaning). */
public sealed interface BodyCheck {
    /** The package does not use it: the subscription keeps no body. */
    record Ignore() implements BodyCheck {}

    /** Valid: kept with the subscription (replacing the one a refresh had), for the package's {@code render}. */
    record Keep() implements BodyCheck {}

    /** Refused with this answer (e.g. 400 for a malformed filter, 415 for an unknown type, 488 for a filter not honoured). */
    record Reject(SipResponse response) implements BodyCheck {}

    BodyCheck IGNORE = new Ignore();
    BodyCheck KEEP = new Keep();
}
