package org.herald.presence.xcap.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One stored XCAP document: its bytes (UTF-8 XML, valid for its application usage) and its current
 * entity tag, which changes with every write.
 */
public record XcapDocument(DocumentKey key, String etag, byte[] body, Instant modifiedAt) {

    public XcapDocument {
        Objects.requireNonNull(key);
        Objects.requireNonNull(etag);
        Objects.requireNonNull(modifiedAt);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public int size() {
        return body.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XcapDocument d && d.key.equals(key) && d.etag.equals(etag) && Arrays.equals(d.body, body)
                && d.modifiedAt.equals(modifiedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, etag, modifiedAt) * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return key + " etag " + etag + " (" + body.length + " bytes)";
    }
}
