package org.herald.presence.pidf;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.herald.presence.xml.XmlFragment;

/**
 * One presence tuple (RFC 3863): in RFC 4479 terms a service, such as one client's SIP
 * address. Its id is the key composers merge on.
 *
 * @param id         unique within its document
 * @param status     required by the RFC 3863 schema
 * @param contact    the address to reach the service at, or null
 * @param notes      the tuple's notes, in document order
 * @param timestamp  when the tuple last changed, or null
 * @param extensions tuple-level elements from other namespaces (RPID, data model, capabilities),
 *                   in document order
 */
public record Tuple(String id, Status status, Contact contact, List<Note> notes, Instant timestamp,
                    List<XmlFragment> extensions) {

    public Tuple {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        notes = List.copyOf(notes);
        extensions = List.copyOf(extensions);
    }

    /** A tuple with only a basic status and, if not null, a contact: what a simple phone publishes. */
    public static Tuple of(String id, Basic basic, String contact) {
        return new Tuple(id, Status.of(basic), contact == null ? null : Contact.of(contact), List.of(), null,
                List.of());
    }

    public Tuple withStatus(Status next) {
        return new Tuple(id, next, contact, notes, timestamp, extensions);
    }

    public Tuple withTimestamp(Instant next) {
        return new Tuple(id, status, contact, notes, next, extensions);
    }
}
