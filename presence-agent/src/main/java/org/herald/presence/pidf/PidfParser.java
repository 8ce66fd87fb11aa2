package org.herald.presence.pidf;

import static org.herald.presence.pidf.ElementReader.attribute;
import static org.herald.presence.pidf.ElementReader.collapse;
import static org.herald.presence.pidf.ElementReader.in;
import static org.herald.presence.pidf.ElementReader.invalid;
import static org.herald.presence.pidf.ElementReader.name;
import static org.herald.presence.pidf.ElementReader.nextChild;
import static org.herald.presence.pidf.ElementReader.note;
import static org.herald.presence.pidf.ElementReader.quote;
import static org.herald.presence.pidf.ElementReader.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.herald.presence.xml.FragmentCapture;
import org.herald.presence.xml.SafeXml;
import org.herald.presence.xml.XmlFragment;
import org.herald.presence.xml.XmlLimits;
import org.herald.sip.event.InvalidBodyException;

/**
 * Parses and validates a PIDF document (RFC 3863) with the data model (RFC 4479), RPID (RFC 4480),
 * CIPID (RFC 4482) and timed status (RFC 4481), in one StAX pass through {@link SafeXml}. Runs on every
 * PUBLISH, so it builds nothing but the model.
 *
 * <p>Checked, each failure an {@link InvalidBodyException} whose one-line message says what and where
 * (the PUBLISH is answered 400 with it in a Warning): the root is
 * {@code {urn:ietf:params:xml:ns:pidf}presence} with a non-empty {@code entity}; every tuple has an
 * {@code id}, unique among the tuples, and exactly one {@code <status>}; {@code <basic>} is
 * {@code open} or {@code closed}; {@code <timestamp>} is an xs:dateTime; a contact priority is a
 * q-value; no element of the PIDF namespace appears where the schema has none, nor text where it
 * allows only elements; at most one basic, contact and timestamp. Persons and devices have ids unique
 * among their kind; the rest of the data model, RPID and timed status are checked by
 * {@link DataModelReader} and {@link RpidReader}.
 *
 * <p>Deliberately lenient, because deployed clients do this: children may come in any order (the
 * writer puts them back in schema order); a tuple id need not be an NCName; a tuple, a person and a
 * device may share an id (RFC 4479 §3.5 wants them distinct, composition does not rely on it); RPID
 * elements may sit on any component, not only where RFC 4480's Table 1 puts them; unknown attributes on
 * PIDF elements (e.g. {@code xsi:schemaLocation}) are ignored and not kept. Elements of other
 * namespaces become {@link XmlFragment}s wherever the schema allows extensions; an
 * {@code mustUnderstand} marker on one is kept, not acted on, as a compositor passes them through.
 */
public final class PidfParser {
    private static final String NS = PresenceDocument.NAMESPACE;
    private static final String DM = PresenceDocument.DATA_MODEL;

    private final XmlLimits limits;

    public PidfParser(XmlLimits limits) {
        this.limits = limits;
    }

    public PidfParser() {
        this(XmlLimits.DEFAULT);
    }

    public PresenceDocument parse(byte[] body) throws InvalidBodyException {
        XMLStreamReader r = null;
        try {
            r = SafeXml.open(body, limits);
            PresenceDocument document = presence(r);
            while (r.hasNext()) r.next(); // the epilogue must be well-formed too
            return document;
        } catch (XMLStreamException e) {
            throw new InvalidBodyException(SafeXml.describe(e), e);
        } finally {
            close(r);
        }
    }

    private PresenceDocument presence(XMLStreamReader r) throws XMLStreamException, InvalidBodyException {
        int event = r.next();
        while (event != XMLStreamConstants.START_ELEMENT) {
            if (event == XMLStreamConstants.END_DOCUMENT) throw invalid("the document has no root element");
            event = r.next();
        }
        if (!in(r, NS) || !r.getLocalName().equals("presence")) {
            throw invalid("the root element must be {" + NS + "}presence, not " + name(r));
        }
        String entity = attribute(r, "entity");
        if (entity == null) throw invalid("<presence> lacks the required entity attribute");
        entity = entity.strip();
        if (entity.isEmpty()) throw invalid("<presence> has an empty entity attribute");
        List<Tuple> tuples = new ArrayList<>();
        List<Person> persons = new ArrayList<>();
        List<Device> devices = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        List<XmlFragment> extensions = new ArrayList<>();
        Set<String> tupleIds = new HashSet<>();
        Set<String> personIds = new HashSet<>();
        Set<String> deviceIds = new HashSet<>();
        while (nextChild(r, "<presence>")) {
            if (in(r, DM) && r.getLocalName().equals("person")) {
                persons.add(unique(DataModelReader.person(r), Person::id, personIds, "person"));
            } else if (in(r, DM) && r.getLocalName().equals("device")) {
                devices.add(unique(DataModelReader.device(r), Device::id, deviceIds, "device"));
            } else if (!in(r, NS)) {
                extensions.add(FragmentCapture.capture(r));
            } else if (r.getLocalName().equals("tuple")) {
                tuples.add(unique(tuple(r), Tuple::id, tupleIds, "tuple"));
            } else if (r.getLocalName().equals("note")) {
                notes.add(note(r, "<note>"));
            } else {
                throw invalid("unexpected element <" + r.getLocalName() + "> in <presence>");
            }
        }
        return new PresenceDocument(entity, tuples, notes, extensions, persons, devices);
    }

    private static <T> T unique(T element, Function<T, String> id, Set<String> ids, String kind)
            throws InvalidBodyException {
        if (!ids.add(id.apply(element))) throw invalid("duplicate " + kind + " id " + quote(id.apply(element)));
        return element;
    }

    private Tuple tuple(XMLStreamReader r) throws XMLStreamException, InvalidBodyException {
        String id = attribute(r, "id");
        if (id == null || id.isBlank()) throw invalid("a <tuple> lacks the required id attribute");
        id = id.strip();
        String where = "tuple " + quote(id);
        Status status = null;
        Contact contact = null;
        Instant timestamp = null;
        List<Note> notes = new ArrayList<>();
        List<String> deviceIds = new ArrayList<>();
        List<TimedStatus> timed = new ArrayList<>();
        DataModelReader.Component parts = new DataModelReader.Component(where);
        while (nextChild(r, where)) {
            if (!in(r, NS)) {
                if (in(r, DM) && r.getLocalName().equals("deviceID")) {
                    deviceIds.add(collapse(text(r, where)));
                } else if (in(r, TimedStatus.NAMESPACE) && r.getLocalName().equals("timed-status")) {
                    TimedStatus t = DataModelReader.timedStatus(r, where);
                    if (t != null) timed.add(t);
                    else parts.extensions.add(FragmentCapture.capture(r));
                } else {
                    parts.extension(r);
                }
                continue;
            }
            switch (r.getLocalName()) {
                case "status" -> {
                    if (status != null) throw invalid(where + " has more than one <status>");
                    status = status(r, where);
                }
                case "contact" -> {
                    if (contact != null) throw invalid(where + " has more than one <contact>");
                    contact = contact(r, where);
                }
                case "note" -> notes.add(note(r, where));
                case "timestamp" -> {
                    if (timestamp != null) throw invalid(where + " has more than one <timestamp>");
                    String text = text(r, where);
                    timestamp = XsDateTime.parse(text);
                    if (timestamp == null) throw invalid(where + ": timestamp " + quote(text) + " is not an xs:dateTime");
                }
                default -> throw invalid("unexpected element <" + r.getLocalName() + "> in " + where);
            }
        }
        if (status == null) throw invalid(where + " lacks the required <status>");
        return new Tuple(id, status, contact, notes, timestamp, parts.extensions, deviceIds, parts.rpid.rpid(),
                parts.cipid.cipid(), timed);
    }

    private Status status(XMLStreamReader r, String where) throws XMLStreamException, InvalidBodyException {
        Basic basic = null;
        List<XmlFragment> extensions = new ArrayList<>();
        while (nextChild(r, where + " <status>")) {
            if (in(r, TimedStatus.NAMESPACE) && r.getLocalName().equals("timed-status")) {
                throw invalid(where + ": <timed-status> belongs in the tuple, not in <status> (RFC 4481 section 3)");
            } else if (!in(r, NS)) {
                extensions.add(FragmentCapture.capture(r));
            } else if (r.getLocalName().equals("basic")) {
                if (basic != null) throw invalid(where + " has more than one <basic>");
                String token = text(r, where).strip();
                basic = Basic.parse(token);
                if (basic == null) throw invalid(where + ": <basic> must be open or closed, not " + quote(token));
            } else {
                throw invalid("unexpected element <" + r.getLocalName() + "> in the <status> of " + where);
            }
        }
        return new Status(basic, extensions);
    }

    private Contact contact(XMLStreamReader r, String where) throws XMLStreamException, InvalidBodyException {
        String priorityText = attribute(r, "priority");
        QValue priority = null;
        if (priorityText != null) {
            priority = QValue.parse(priorityText);
            if (priority == null) {
                throw invalid(where + ": contact priority " + quote(priorityText) + " is not a number from 0 to 1");
            }
        }
        return new Contact(text(r, where).strip(), priority);
    }

    private static void close(XMLStreamReader r) {
        if (r == null) return;
        try {
            r.close();
        } catch (XMLStreamException ignored) {
            // nothing held but memory
        }
    }
}
