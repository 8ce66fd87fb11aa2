package org.herald.sip.event;

/**
 * A PUBLISH body that changes the publication it names in SIP-If-Match rather than replacing it
 * (RFC 5264 partial publication). The framework applies it under the resource's lock, atomically: a
 * patch that does not apply is answered 400 and the publication stays as it was.
 */
public interface PartialState extends EventState {

    /** The publication's full state after this change; the result is stored and composed as any full body. */
    Full applyTo(PublishedState previous) throws InvalidBodyException;

    /** A full body and its parsed state. */
    record Full(String contentType, byte[] body, EventState state) {}
}
