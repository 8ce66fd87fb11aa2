package org.herald.push.model;

import java.time.Instant;
import java.util.Map;

/**
 * One message for one device, as stored until it is acknowledged or expires.
 *
 * @param id        unique, and ordered by creation (see {@link MessageIds}); what the device acks
 * @param group     the id the application server was given (several devices of one NS app share it)
 * @param target    the NS appToken or the Web Push channel id
 * @param asId      the NS {@code id} the application server chose; null for Web Push
 * @param body      the NS {@code message}, or the Web Push body as base64url
 * @param headers   Web Push crypto headers for the device (encoding, crypto_key, encryption); empty for NS
 * @param timestamp the application server's NS {@code timestamp}, else the acceptance time in epoch seconds
 * @param topic     RFC 8030 Topic, or null
 */
public record PushMessage(String id, String group, String deviceId, Protocol protocol, String target, String asId,
                          String body, Map<String, String> headers, Priority priority, String topic, long timestamp,
                          Instant createdAt, Instant expiresAt, MessageState state, Instant updatedAt) {

    public PushMessage {
        headers = Map.copyOf(headers);
    }

    public PushMessage withState(MessageState next, Instant at) {
        return new PushMessage(id, group, deviceId, protocol, target, asId, body, headers, priority, topic, timestamp,
                createdAt, expiresAt, next, at);
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
