package org.herald.presence.pidf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.herald.presence.xml.FragmentCapture;
import org.herald.presence.xml.SafeXml;
import org.herald.presence.xml.XmlFragment;
import org.herald.presence.xml.XmlLimits;
import org.herald.sip.event.InvalidBodyException;

/**
 * Parses and validates a PIDF document (RFC 3863) in one StAX pass through {@link SafeXml}. Runs on
 * every PUBLISH, so it builds nothing but the model.
 *
 * <p>Checked, each failure an {@link InvalidBodyException} whose one-line message says what and where
 * (the PUBLISH is answered 400 with it in a Warning): the root is
 * {@code {urn:ietf:params:xml:ns:pidf}presence} with a non-empty {@code entity}; every tuple has an
 * {@code id}, unique in the document, and exactly one {@code <status>}; {@code <basic>} is
 * {@code open} or {@code closed}; {@code <timestamp>} is an xs:dateTime; a contact priority is a
 * q-value; no element of the PIDF namespace appears where the schema has none, nor text where it
 * allows only elements; at most one basic, contact and timestamp.
 *
 * <p>Deliberately lenient, because deployed clients do this: children may come in any order (the
 * writer puts them back in schema order); a tuple id need not be an NCName; unknown attributes on
 * PIDF elements (e.g. {@code xsi:schemaLocation}) are ignored and not kept. Elements of other
 * namespaces become {@link XmlFragment}s wherever the schema allows extensions; an
 * {@code mustUnderstand} marker on one is kept, not acted on, as a compositor passes them through.
 */
public final class PidfParser {
    private static final String NS = PresenceDocument.NAMESPACE;

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
        if (!isPidf(r) || !r.getLocalName().equals("presence")) {
            throw invalid("the root element must be {" + NS + "}presence, not " + name(r));
        }
        String entity = attribute(r, "entity");
        if (entity == null) throw invalid("<presence> lacks the required entity attribute");
        entity = entity.strip();
        if (entity.isEmpty()) throw invalid("<presence> has an empty entity attribute");
        List<Tuple> tuples = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        List<XmlFragment> extensions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        while (nextChild(r, "<presence>")) {
            if (!isPidf(r)) {
                extensions.add(FragmentCapture.capture(r));
                continue;
            }
            switch (r.getLocalName()) {
                case "tuple" -> {
                    Tuple tuple = tuple(r);
                    if (!ids.add(tuple.id())) throw invalid("duplicate tuple id " + quote(tuple.id()));
                    tuples.add(tuple);
                }
                case "note" -> notes.add(note(r));
                default -> throw invalid("unexpected element <" + r.getLocalName() + "> in <presence>");
            }
        }
        return new PresenceDocument(entity, tuples, notes, extensions);
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
        List<XmlFragment> extensions = new ArrayList<>();
        while (nextChild(r, where)) {
            if (!isPidf(r)) {
                extensions.add(FragmentCapture.capture(r));
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
                case "note" -> notes.add(note(r));
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
        return new Tuple(id, status, contact, notes, timestamp, extensions);
    }

    private Status status(XMLStreamReader r, String where) throws XMLStreamException, InvalidBodyException {
        Basic basic = null;
        List<XmlFragment> extensions = new ArrayList<>();
        while (nextChild(r, where + " <status>")) {
            if (!isPidf(r)) {
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

    private Note note(XMLStreamReader r) throws XMLStreamException, InvalidBodyException {
        String lang = r.getAttributeValue(XMLConstants.XML_NS_URI, "lang");
        return new Note(text(r, "<note>"), lang);
    }

    /** Moves to the next child element; false at the parent's end tag. Only whitespace may come between. */
    private static boolean nextChild(XMLStreamReader r, String parent) throws XMLStreamException, InvalidBodyException {
        while (true) {
            switch (r.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    return true;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return false;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!r.isWhiteSpace()) throw invalid("text is not allowed directly in " + parent);
                }
                default -> { } // comments, processing instructions
            }
        }
    }

    /** The text content of a leaf element, which must have no child elements. */
    private static String text(XMLStreamReader r, String where) throws XMLStreamException, InvalidBodyException {
        String element = r.getLocalName();
        StringBuilder text = new StringBuilder();
        while (true) {
            switch (r.next()) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                case XMLStreamConstants.START_ELEMENT ->
                        throw invalid(where + ": <" + element + "> may contain only text");
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.toString();
                }
                default -> { }
            }
        }
    }

    /** An unqualified attribute, as PIDF's are. */
    private static String attribute(XMLStreamReader r, String localName) {
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
            String ns = r.getAttributeNamespace(i);
            if ((ns == null || ns.isEmpty()) && r.getAttributeLocalName(i).equals(localName)) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    private static boolean isPidf(XMLStreamReader r) {
        return NS.equals(r.getNamespaceURI());
    }

    private static String name(XMLStreamReader r) {
        String ns = r.getNamespaceURI();
        return (ns == null || ns.isEmpty() ? "" : "{" + ns + "}") + r.getLocalName();
    }

    /** Publisher-supplied text for a message: single-quoted, one line, bounded. */
    private static String quote(String s) {
        String shown = s.length() > 64 ? s.substring(0, 64) + "..." : s;
        StringBuilder out = new StringBuilder(shown.length() + 2).append('\'');
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            out.append(c < ' ' || c == '"' || c == '\\' ? '?' : c);
        }
        return out.append('\'').toString();
    }

    private static InvalidBodyException invalid(String message) {
        return new InvalidBodyException(message);
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
