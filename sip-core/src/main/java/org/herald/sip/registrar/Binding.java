package org.herald.sip.registrar;

import java.time.Instant;
import org.herald.sip.message.Flow;

/**
 * One contact bound to an address-of-record (RFC 3261 §10.3).
 *
 * @param contact    the Contact header value as registered, without an expires parameter
 * @param uri        the contact URI, the key of the binding within its AOR
 * @param instanceId the {@code +sip.instance} of the device, or null (RFC 5626 §4.2)
 * @param regId      the {@code reg-id} with an instance, or 0
 * @param flow       the flow the REGISTER arrived on, to send requests back through NAT and WebSocket
 */
public record Binding(
        String contact,
        String uri,
        float q,
        String instanceId,
        int regId,
        String callId,
        long cseq,
        Instant expiresAt,
        Flow flow,
        Instant registeredAt,
        String userAgent) {

    public boolean activeAt(Instant now) {
        return expiresAt.isAfter(now);
    }

    /** Seconds left, rounded up, for the expires parameter in the 200 OK. */
    public long secondsLeft(Instant now) {
        long millis = expiresAt.toEpochMilli() - now.toEpochMilli();
        return Math.max(0, (millis + 999) / 1000);
    }

    /** Two contacts are the same binding when they share an instance id and reg-id, else the URI. */
    public boolean sameBindingAs(Binding other) {
        if (instanceId != null || other.instanceId != null) {
            return instanceId != null && instanceId.equals(other.instanceId) && regId == other.regId;
        }
        return uri.equals(other.uri);
    }
}
