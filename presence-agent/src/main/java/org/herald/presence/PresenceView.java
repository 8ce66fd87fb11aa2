package org.herald.presence;

import java.util.Objects;
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
 */
public record PresenceView(Aor resource, PresenceDocument document, byte[] body) implements ResourceView {

    public PresenceView {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(body, "body");
    }

    /** Serializes the document; the only place a view's bytes are made. */
    public static PresenceView of(Aor resource, PresenceDocument document) {
        return new PresenceView(resource, document, PidfWriter.write(document));
    }
}
