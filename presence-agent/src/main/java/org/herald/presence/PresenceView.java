package org.herald.presence;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.herald.presence.pidf.PidfWriter;
import org.herald.presence.pidf.PresenceDocument;
import org.herald.sip.event.ResourceView;
import org.herald.sip.message.Aor;

/**
 * A presentity's composed document together with its serialized body, made once per change so that
 * every watcher's NOTIFY reuses the same bytes. The array is shared: nothing may write to it.
 *
 * @param resource the presentity
 * @param document the composed document
 * @param body     {@code document} as UTF-8 PIDF
 * @param version  unique to this view, so per-watcher bodies rendered from it can be cached under it
 */
public record PresenceView(Aor resource, PresenceDocument document, byte[] body, long version) implements ResourceView {
    private static final AtomicLong VERSIONS = new AtomicLong();

    public PresenceView {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(body, "body");
    }

    /** Serializes the document; the only place a view's bytes are made. */
    public static PresenceView of(Aor resource, PresenceDocument document) {
        return new PresenceView(resource, document, PidfWriter.write(document), VERSIONS.incrementAndGet());
    }
}
