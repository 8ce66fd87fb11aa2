package org.herald.presence.xml;

import java.io.CharArrayReader;
import java.io.Reader;
import java.nio.CharBuffer;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * The one place Herald parses XML from the network. Every document goes through a StAX reader that
 * refuses any DOCTYPE outright ("DTDs are not allowed") before anything in it is acted on, resolves
 * no external resource, and counts what it reads against {@link XmlLimits}; so a billion laughs, an
 * external entity pointing at {@code file:///etc/passwd} or a 10,000-deep nesting ends in an
 * exception, never in expansion. The bytes are decoded strictly before parsing (see
 * {@link XmlEncoding}), so a malformed byte is a refusal too, not a line on standard error.
 *
 * <p>The JDK's own StAX implementation is used ({@link XMLInputFactory#newDefaultFactory()}), not
 * whatever a dependency puts on the class path, so these settings mean the same thing everywhere.
 * The factory is configured once and only creates readers afterwards, which it does safely from
 * many threads: each reader gets a copy of the factory's properties, and reader reuse, the factory's
 * one piece of shared mutable state, stays off.
 */
public final class SafeXml {
    private static final XMLInputFactory FACTORY = factory();
    private static final String NAMES_SPEC = "http://www.w3.org/TR/1999/REC-xml-names-19990114#";

    private SafeXml() {}

    /**
     * A namespace-aware reader over an untrusted document, positioned at START_DOCUMENT. Adjacent
     * text and CDATA come as one CHARACTERS event. Its {@code next()}, {@code nextTag()} and
     * {@code getElementText()} throw {@link XmlRejectedException} on a DTD, an entity reference or a
     * passed limit.
     */
    public static XMLStreamReader open(byte[] document, XmlLimits limits) throws XMLStreamException {
        if (document.length > limits.maxBytes()) {
            throw new XmlRejectedException("document of " + document.length + " bytes exceeds the limit of "
                    + limits.maxBytes());
        }
        CharBuffer chars = XmlEncoding.decode(document);
        Reader in = new CharArrayReader(chars.array(), chars.arrayOffset() + chars.position(), chars.remaining());
        return new LimitedReader(FACTORY.createXMLStreamReader(in), limits);
    }

    /**
     * A one-line description of a parse failure, without the JDK's multi-line framing and with double
     * quotes made single, fit for a SIP Warning header or a JSON error.
     */
    public static String describe(XMLStreamException e) {
        if (e instanceof XmlRejectedException) return e.getMessage();
        String message = e.getMessage() == null ? "unreadable XML" : e.getMessage();
        int at = message.indexOf("Message: ");
        if (at >= 0) message = message.substring(at + "Message: ".length());
        if (message.startsWith(NAMES_SPEC)) {
            message = "namespace error " + message.substring(NAMES_SPEC.length()).replace('?', ' ');
        }
        message = message.replace('\r', ' ').replace('\n', ' ').replace('"', '\'').trim();
        Location where = e.getLocation();
        return where == null || where.getLineNumber() < 0 ? "not well-formed XML: " + message
                : "not well-formed XML at line " + where.getLineNumber() + ", column " + where.getColumnNumber()
                        + ": " + message;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // Only the five predefined entities exist without a DTD; anything else surfaces as an
        // ENTITY_REFERENCE event (or a parse error) that the reader below rejects.
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.IS_VALIDATING, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XmlRejectedException("external resources are not allowed");
        });
        return f;
    }

    /** Counts depth, elements, attributes and text while the caller reads; stops at DTDs and entities. */
    private static final class LimitedReader extends StreamReaderDelegate {
        private final XmlLimits limits;
        private int depth;
        private int elements;

        LimitedReader(XMLStreamReader reader, XmlLimits limits) {
            super(reader);
            this.limits = limits;
        }

        @Override
        public int next() throws XMLStreamException {
            int event = super.next();
            switch (event) {
                case START_ELEMENT -> started();
                case END_ELEMENT -> depth--;
                case CHARACTERS, CDATA, SPACE, COMMENT -> {
                    if (getTextLength() > limits.maxText()) {
                        throw new XmlRejectedException("a text node of " + getTextLength()
                                + " characters exceeds the limit of " + limits.maxText());
                    }
                }
                case DTD -> throw new XmlRejectedException("DTDs are not allowed");
                case ENTITY_REFERENCE, ENTITY_DECLARATION, NOTATION_DECLARATION ->
                        throw new XmlRejectedException("entity references are not allowed");
                default -> { }
            }
            return event;
        }

        private void started() throws XmlRejectedException {
            if (++depth > limits.maxDepth()) {
                throw new XmlRejectedException("elements nest deeper than the limit of " + limits.maxDepth());
            }
            if (++elements > limits.maxElements()) {
                throw new XmlRejectedException("more than " + limits.maxElements() + " elements");
            }
            if (getAttributeCount() > limits.maxAttributes() || getNamespaceCount() > limits.maxAttributes()) {
                throw new XmlRejectedException("element " + getLocalName() + " has more than "
                        + limits.maxAttributes() + " attributes or namespace declarations");
            }
        }

        /** Re-implemented over {@link #next()}: the delegate's version would bypass the counting. */
        @Override
        public int nextTag() throws XMLStreamException {
            int event = next();
            while ((event == CHARACTERS && isWhiteSpace()) || event == SPACE
                    || event == COMMENT || event == PROCESSING_INSTRUCTION) {
                event = next();
            }
            if (event != START_ELEMENT && event != END_ELEMENT) {
                throw new XMLStreamException("expected an element, found " + eventName(event), getLocation());
            }
            return event;
        }

        /** Re-implemented over {@link #next()}: the delegate's version would bypass the counting. */
        @Override
        public String getElementText() throws XMLStreamException {
            StringBuilder text = new StringBuilder();
            for (int event = next(); event != END_ELEMENT; event = next()) {
                switch (event) {
                    case CHARACTERS, CDATA, SPACE -> text.append(getTextCharacters(), getTextStart(), getTextLength());
                    case COMMENT, PROCESSING_INSTRUCTION -> { }
                    case START_ELEMENT -> throw new XMLStreamException("element " + getLocalName()
                            + " found where only text is allowed", getLocation());
                    default -> throw new XMLStreamException("unexpected " + eventName(event), getLocation());
                }
            }
            return text.toString();
        }
    }

    static String eventName(int event) {
        return switch (event) {
            case XMLStreamConstants.START_ELEMENT -> "start tag";
            case XMLStreamConstants.END_ELEMENT -> "end tag";
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> "text";
            case XMLStreamConstants.END_DOCUMENT -> "end of document";
            default -> "event " + event;
        };
    }
}
