package org.herald.presence.pidf;

import static org.herald.presence.pidf.ElementReader.collapse;
import static org.herald.presence.pidf.ElementReader.dateTime;
import static org.herald.presence.pidf.ElementReader.in;
import static org.herald.presence.pidf.ElementReader.invalid;
import static org.herald.presence.pidf.ElementReader.nextChild;
import static org.herald.presence.pidf.ElementReader.note;
import static org.herald.presence.pidf.ElementReader.onlyAttributes;
import static org.herald.presence.pidf.ElementReader.quote;
import static org.herald.presence.pidf.ElementReader.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.herald.presence.xml.FragmentCapture;
import org.herald.presence.xml.XmlFragment;
import org.herald.sip.event.InvalidBodyException;

/**
 * Reads RFC 4479 persons and devices, RFC 4481 timed statuses, and the extension children that
 * tuples, persons and devices share. Data-model elements are checked as the RFC 4479 schema says: an
 * id on each person and device, one {@code <deviceID>} per device, at most one timestamp, nothing of
 * the data-model namespace it does not define; other namespaces are RPID, CIPID or kept verbatim.
 */
final class DataModelReader {
    private static final String DM = PresenceDocument.DATA_MODEL;
    private static final String TS = TimedStatus.NAMESPACE;

    private DataModelReader() {}

    static Person person(XMLStreamReader r) throws XMLStreamException, InvalidBodyException {
        String id = requiredId(r, "person");
        String where = "person " + quote(id);
        Component c = new Component(where);
        while (nextChild(r, where)) {
            if (!in(r, DM)) {
                c.extension(r);
            } else if (!c.noteOrTimestamp(r)) {
                throw invalid("unexpected element <" + r.getLocalName() + "> in " + where);
            }
        }
        return new Person(id, c.rpid.rpid(), c.cipid.cipid(), c.extensions, c.notes, c.timestamp);
    }

    static Device device(XMLStreamReader r) throws XMLStreamException, InvalidBodyException {
        String id = requiredId(r, "device");
        String where = "device " + quote(id);
        Component c = new Component(where);
        String deviceId = null;
        while (nextChild(r, where)) {
            if (!in(r, DM)) {
                c.extension(r);
            } else if (r.getLocalName().equals("deviceID")) {
                if (deviceId != null) throw invalid(where + " has more than one <deviceID>");
                deviceId = collapse(text(r, where));
            } else if (!c.noteOrTimestamp(r)) {
                throw invalid("unexpected element <" + r.getLocalName() + "> in " + where);
            }
        }
        if (deviceId == null) throw invalid(where + " lacks the required <deviceID>");
        return new Device(id, deviceId, c.rpid.rpid(), c.cipid.cipid(), c.extensions, c.notes, c.timestamp);
    }

    /** The RFC 4481 element the reader is on, or null, having read nothing, if it is to be kept verbatim. */
    static TimedStatus timedStatus(XMLStreamReader r, String where) throws XMLStreamException, InvalidBodyException {
        if (!onlyAttributes(r, "from", "until")) return null;
        Instant from = dateTime(r, "from", where);
        if (from == null) throw invalid(where + ": <timed-status> lacks the required from attribute");
        Instant until = dateTime(r, "until", where);
        Basic basic = null;
        Note note = null;
        List<XmlFragment> extensions = new ArrayList<>();
        while (nextChild(r, where + " <timed-status>")) {
            if (!in(r, TS)) {
                extensions.add(FragmentCapture.capture(r));
                continue;
            }
            switch (r.getLocalName()) {
                case "basic" -> {
                    if (basic != null) throw invalid(where + ": <timed-status> has more than one <basic>");
                    String token = text(r, where).strip();
                    basic = Basic.parse(token);
                    if (basic == null) throw invalid(where + ": <basic> must be open or closed, not " + quote(token));
                }
                case "note" -> {
                    if (note != null) throw invalid(where + ": <timed-status> has more than one <note>");
                    note = note(r, where);
                }
                default -> throw invalid("unexpected element <" + r.getLocalName() + "> in the <timed-status> of " + where);
            }
        }
        return new TimedStatus(from, until, basic, note, extensions);
    }

    private static String requiredId(XMLStreamReader r, String element) throws InvalidBodyException {
        String id = ElementReader.id(r);
        if (id == null) throw invalid("a <" + element + "> lacks the required id attribute");
        return id;
    }

    /** What a tuple, person or device collects from its children outside PIDF and the data model. */
    static final class Component {
        final String where;
        final RpidReader rpid;
        final CipidReader cipid;
        final List<XmlFragment> extensions = new ArrayList<>();
        final List<Note> notes = new ArrayList<>();
        Instant timestamp;

        Component(String where) {
            this.where = where;
            this.rpid = new RpidReader(where);
            this.cipid = new CipidReader(where);
        }

        /** An element of another namespace: RPID, CIPID, or kept verbatim. */
        void extension(XMLStreamReader r) throws XMLStreamException, InvalidBodyException {
            String ns = r.getNamespaceURI();
            boolean typed = Rpid.NAMESPACE.equals(ns) ? rpid.read(r) : Cipid.NAMESPACE.equals(ns) && cipid.read(r);
            if (!typed) extensions.add(FragmentCapture.capture(r));
        }

        /** A data-model {@code <note>} or {@code <timestamp>}; false for any other name. */
        boolean noteOrTimestamp(XMLStreamReader r) throws XMLStreamException, InvalidBodyException {
            switch (r.getLocalName()) {
                case "note" -> notes.add(note(r, where));
                case "timestamp" -> {
                    if (timestamp != null) throw invalid(where + " has more than one <timestamp>");
                    String text = text(r, where);
                    timestamp = XsDateTime.parse(text);
                    if (timestamp == null) throw invalid(where + ": timestamp " + quote(text) + " is not an xs:dateTime");
                }
                default -> {
                    return false;
                }
            }
            return true;
        }
    }
}
