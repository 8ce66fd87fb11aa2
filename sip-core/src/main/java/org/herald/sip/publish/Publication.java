package org.herald.sip.publish;

import java.time.Instant;
import org.herald.sip.message.Aor;

/**
 * Event state published by one source (RFC 3903). The id stays while the entity tag changes with
 * every modification, so a modification rewrites one document.
 *
 * @param sequence a server-wide increasing number: the order of publications for "newest wins"
 */
public record Publication(
        String id,
        String entityTag,
        String event,
        Aor resource,
        String contentType,
        byte[] body,
        Instant expiresAt,
        Instant modifiedAt,
        long sequence) {

    public Publication withEntityTag(String etag, Instant expires, Instant modified, long seq) {
        return new Publication(id, etag, event, resource, contentType, body, expires, modified, seq);
    }

    public Publication withBody(String type, byte[] content) {
        return new Publication(id, entityTag, event, resource, type, content, expiresAt, modifiedAt, sequence);
    }

    public long secondsLeft(Instant now) {
        return Math.max(0, (expiresAt.toEpochMilli() - now.toEpochMilli() + 999) / 1000);
    }
}
