package org.herald.presence.pidf;

import java.time.Instant;
import java.util.Objects;

/**
 * RPID {@code <status-icon>} (RFC 4480 §3.12): an image for the person's or service's current status.
 *
 * @param uri   the image's URI, whitespace-collapsed as xs:anyURI requires
 * @param from  when it began, or null
 * @param until when it ends, or null
 * @param id    the element's {@code id}, or null
 */
public record StatusIcon(String uri, Instant from, Instant until, String id) implements Timed {

    public StatusIcon {
        Objects.requireNonNull(uri, "uri");
    }

    public static StatusIcon of(String uri) {
        return new StatusIcon(uri, null, null, null);
    }
}
