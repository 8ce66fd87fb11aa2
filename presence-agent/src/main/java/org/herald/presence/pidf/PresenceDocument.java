package org.herald.presence.pidf;

import java.util.List;
import java.util.Objects;
import org.herald.presence.xml.XmlFragment;

/**
 * A PIDF presence document (RFC 3863) with the RFC 4479 data model: services (tuples), persons and
 * devices, carrying RPID (RFC 4480), CIPID (RFC 4482) and timed-status (RFC 4481) values as typed
 * records. Whatever else a publisher sends (capabilities, location, vendor elements) rides along as
 * {@link XmlFragment}s, unchanged, wherever it appeared.
 *
 * @param entity     the presentity's URI, {@code pres:} or {@code sip:}
 * @param tuples     in document order, ids unique among tuples
 * @param notes      document-level notes
 * @param extensions document-level elements the model does not type, e.g. {@code <gp:geopriv>}
 * @param persons    {@code <dm:person>}s, ids unique among persons
 * @param devices    {@code <dm:device>}s, ids unique among devices
 */
public record PresenceDocument(String entity, List<Tuple> tuples, List<Note> notes, List<XmlFragment> extensions,
                               List<Person> persons, List<Device> devices) {

    /** The PIDF namespace (RFC 3863). */
    public static final String NAMESPACE = "urn:ietf:params:xml:ns:pidf";
    /** The data-model namespace (RFC 4479) of persons, devices and device IDs. */
    public static final String DATA_MODEL = "urn:ietf:params:xml:ns:pidf:data-model";

    public PresenceDocument {
        Objects.requireNonNull(entity, "entity");
        tuples = List.copyOf(tuples);
        notes = List.copyOf(notes);
        extensions = List.copyOf(extensions);
        persons = List.copyOf(persons);
        devices = List.copyOf(devices);
    }

    /** A plain RFC 3863 document, without persons or devices. */
    public PresenceDocument(String entity, List<Tuple> tuples, List<Note> notes, List<XmlFragment> extensions) {
        this(entity, tuples, notes, extensions, List.of(), List.of());
    }

    /** A document saying nothing about the presentity: no tuples, persons, devices, notes or extensions. */
    public static PresenceDocument empty(String entity) {
        return new PresenceDocument(entity, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public PresenceDocument withEntity(String next) {
        return new PresenceDocument(next, tuples, notes, extensions, persons, devices);
    }

    public PresenceDocument withTuples(List<Tuple> next) {
        return new PresenceDocument(entity, next, notes, extensions, persons, devices);
    }

    public PresenceDocument withNotes(List<Note> next) {
        return new PresenceDocument(entity, tuples, next, extensions, persons, devices);
    }

    public PresenceDocument withExtensions(List<XmlFragment> next) {
        return new PresenceDocument(entity, tuples, notes, next, persons, devices);
    }

    public PresenceDocument withPersons(List<Person> next) {
        return new PresenceDocument(entity, tuples, notes, extensions, next, devices);
    }

    public PresenceDocument withDevices(List<Device> next) {
        return new PresenceDocument(entity, tuples, notes, extensions, persons, next);
    }
}
