package org.herald.presence.pidf;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.herald.presence.xml.XmlFragment;

/**
 * RFC 4481 {@code <timed-status>}: a tuple's status for a time wholly in the past or the future, such
 * as "closed next week". A tuple may hold several.
 *
 * @param from       when it begins; required
 * @param until      when it ends, or null for "until overridden or expired"
 * @param basic      the status then, or null
 * @param note       its {@code <note>}, or null (the schema allows one)
 * @param extensions other status elements for the time, e.g. a location, verbatim
 */
public record TimedStatus(Instant from, Instant until, Basic basic, Note note, List<XmlFragment> extensions)
        implements Timed {

    /** The timed-status namespace. */
    public static final String NAMESPACE = "urn:ietf:params:xml:ns:pidf:timed-status";

    public TimedStatus {
        Objects.requireNonNull(from, "from");
        extensions = List.copyOf(extensions);
    }
}
