package org.herald.presence.privacy;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.herald.sip.event.InvalidBodyException;

/**
 * The few StAX moves the rules parser makes, over a {@link org.herald.presence.xml.SafeXml} reader,
 * with failures as one-line {@link InvalidBodyException}s that quote at most a bounded, printable
 * piece of what the client sent.
 */
final class RulesCursor {
    private final XMLStreamReader r;

    RulesCursor(XMLStreamReader r) {
        this.r = r;
    }

    XMLStreamReader reader() {
        return r;
    }

    /** Moves to the next child element; false at the parent's end tag. Only whitespace may come between. */
    boolean nextChild(String parent) throws XMLStreamException, InvalidBodyException {
        while (true) {
            switch (r.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    return true;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return false;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!r.isWhiteSpace()) throw fail("text is not allowed directly in " + parent);
                }
                case XMLStreamConstants.END_DOCUMENT -> throw fail("the document ended inside " + parent);
                default -> { } // comments, processing instructions
            }
        }
    }

    /** The text of a leaf element; a child element is an error. Leaves the reader on its end tag. */
    String text() throws XMLStreamException, InvalidBodyException {
        String element = r.getLocalName();
        StringBuilder text = new StringBuilder();
        while (true) {
            switch (r.next()) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                case XMLStreamConstants.START_ELEMENT -> throw fail("<" + element + "> may contain only text");
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.toString();
                }
                default -> { }
            }
        }
    }

    /** Requires an element with no content at all but whitespace. */
    void empty() throws XMLStreamException, InvalidBodyException {
        String element = r.getLocalName();
        if (!text().isBlank()) throw fail("<" + element + "> must be empty");
    }

    /** Skips the current element and everything in it, still counted against the limits. */
    void skip() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) depth++;
            else if (event == XMLStreamConstants.END_ELEMENT) depth--;
            else if (event == XMLStreamConstants.END_DOCUMENT) throw new XMLStreamException("unexpected end");
        }
    }

    /** An unqualified attribute, or null. */
    String attribute(String localName) {
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
            String ns = r.getAttributeNamespace(i);
            if ((ns == null || ns.isEmpty()) && r.getAttributeLocalName(i).equals(localName)) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    String namespace() {
        String ns = r.getNamespaceURI();
        return ns == null ? "" : ns;
    }

    String localName() {
        return r.getLocalName();
    }

    boolean is(String namespace) {
        return namespace.equals(namespace());
    }

    /** The current element's name for a message, e.g. {@code <cr:rule>}. */
    String name() {
        String prefix = r.getPrefix();
        return "<" + (prefix == null || prefix.isEmpty() ? "" : prefix + ":") + r.getLocalName() + ">";
    }

    /** An xs:boolean, after whitespace collapsing. */
    boolean bool() throws XMLStreamException, InvalidBodyException {
        String element = name();
        String t = text().strip();
        return switch (t) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw fail(element + " must be true or false, not " + quote(t));
        };
    }

    static InvalidBodyException fail(String message) {
        return new InvalidBodyException(message);
    }

    /** Client-supplied text for a message: single-quoted, one line, bounded. */
    static String quote(String s) {
        String shown = s.length() > 64 ? s.substring(0, 64) + "..." : s;
        StringBuilder out = new StringBuilder(shown.length() + 2).append('\'');
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            out.append(c < ' ' || c == '"' || c == '\\' ? '?' : c);
        }
        return out.append('\'').toString();
    }
}
