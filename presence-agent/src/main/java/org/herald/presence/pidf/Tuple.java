package org.herald.presence.pidf;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.herald.presence.xml.XmlFragment;

/**
 * One presence tuple (RFC 3863): in RFC 4479 terms a service, such as one client's SIP address. Its id
 * is the key composers merge on.
 *
 * @param id            unique among the document's tuples
 * @param status        required by the RFC 3863 schema
 * @param contact       the address to reach the service at, or null
 * @param notes         the tuple's notes, in document order
 * @param timestamp     when the tuple last changed, or null
 * @param extensions    tuple-level elements the model does not type (capabilities, location, ...),
 *                      verbatim, in document order
 * @param deviceIds     {@code <dm:deviceID>}s of the devices providing the service (RFC 4479, RFC 4480
 *                      §3.4: zero or more, order insignificant)
 * @param rpid          RPID values (RFC 4480), e.g. relationship, service class, class
 * @param cipid         CIPID values (RFC 4482), for a tuple reaching someone other than the presentity
 * @param timedStatuses {@code <ts:timed-status>}es (RFC 4481)
 */
public record Tuple(String id, Status status, Contact contact, List<Note> notes, Instant timestamp,
                    List<XmlFragment> extensions, List<String> deviceIds, Rpid rpid, Cipid cipid,
                    List<TimedStatus> timedStatuses) {

    public Tuple {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(rpid, "rpid");
        Objects.requireNonNull(cipid, "cipid");
        notes = List.copyOf(notes);
        extensions = List.copyOf(extensions);
        deviceIds = List.copyOf(deviceIds);
        timedStatuses = List.copyOf(timedStatuses);
    }

    /** A plain RFC 3863 tuple, without data-model, RPID, CIPID or timed-status values. */
    public Tuple(String id, Status status, Contact contact, List<Note> notes, Instant timestamp,
                 List<XmlFragment> extensions) {
        this(id, status, contact, notes, timestamp, extensions, List.of(), Rpid.NONE, Cipid.NONE, List.of());
    }

    /** A tuple with only a basic status and, if not null, a contact: what a simple phone publishes. */
    public static Tuple of(String id, Basic basic, String contact) {
        return new Tuple(id, Status.of(basic), contact == null ? null : Contact.of(contact), List.of(), null,
                List.of());
    }

    public Tuple withStatus(Status next) {
        return new Tuple(id, next, contact, notes, timestamp, extensions, deviceIds, rpid, cipid, timedStatuses);
    }

    public Tuple withContact(Contact next) {
        return new Tuple(id, status, next, notes, timestamp, extensions, deviceIds, rpid, cipid, timedStatuses);
    }

    public Tuple withNotes(List<Note> next) {
        return new Tuple(id, status, contact, next, timestamp, extensions, deviceIds, rpid, cipid, timedStatuses);
    }

    public Tuple withTimestamp(Instant next) {
        return new Tuple(id, status, contact, notes, next, extensions, deviceIds, rpid, cipid, timedStatuses);
    }

    public Tuple withExtensions(List<XmlFragment> next) {
        return new Tuple(id, status, contact, notes, timestamp, next, deviceIds, rpid, cipid, timedStatuses);
    }

    public Tuple withDeviceIds(List<String> next) {
        return new Tuple(id, status, contact, notes, timestamp, extensions, next, rpid, cipid, timedStatuses);
    }

    public Tuple withRpid(Rpid next) {
        return new Tuple(id, status, contact, notes, timestamp, extensions, deviceIds, next, cipid, timedStatuses);
    }

    public Tuple withCipid(Cipid next) {
        return new Tuple(id, status, contact, notes, timestamp, extensions, deviceIds, rpid, next, timedStatuses);
    }

    public Tuple withTimedStatuses(List<TimedStatus> next) {
        return new Tuple(id, status, contact, notes, timestamp, extensions, deviceIds, rpid, cipid, next);
    }
}
