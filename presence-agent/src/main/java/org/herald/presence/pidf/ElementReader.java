package org.herald.presence.pidf;

import java.time.Instant;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.herald.sip.event.InvalidBodyException;

/**
 * The StAX steps every part of the PIDF parser takes, with its refusals phrased one way: one line,
 * saying what and where, publisher text single-quoted and bounded, fit for a Warning header.
 */
final class ElementReader {
    private ElementReader() {}

    /** Moves to the next child element; false at the parent's end tag. Only whitespace may come between. */
    static boolean nextChild(XMLStreamReader r, String parent) throws XMLStreamException, InvalidBodyException {
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
    static String text(XMLStreamReader r, String where) throws XMLStreamException, InvalidBodyException {
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

    /** Reads an element of schema type "empty": nothing inside but whitespace. */
    static void empty(XMLStreamReader r, String where) throws XMLStreamException, InvalidBodyException {
        if (!text(r, where).isBlank()) throw invalid(where + ": <" + r.getLocalName() + "> must be empty");
    }

    /** An xs:token or xs:anyURI value: whitespace runs collapsed to one space, none at the ends. */
    static String collapse(String text) {
        String s = text.strip();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r' || (c == ' ' && s.charAt(i + 1) == ' ')) {
                return String.join(" ", s.split("[ \t\r\n]+"));
            }
        }
        return s;
    }

    /** A note-like element: its text as published and its {@code xml:lang}. */
    static Note note(XMLStreamReader r, String where) throws XMLStreamException, InvalidBodyException {
        String lang = r.getAttributeValue(XMLConstants.XML_NS_URI, "lang");
        return new Note(text(r, where), lang);
    }

    /** An unqualified attribute, as PIDF's and its extensions' are. */
    static String attribute(XMLStreamReader r, String localName) {
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
            String ns = r.getAttributeNamespace(i);
            if ((ns == null || ns.isEmpty()) && r.getAttributeLocalName(i).equals(localName)) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    /** An {@code id} attribute, stripped; null if absent or blank. */
    static String id(XMLStreamReader r) {
        String id = attribute(r, "id");
        return id == null || id.isBlank() ? null : id.strip();
    }

    /** An xs:dateTime attribute; null if absent. */
    static Instant dateTime(XMLStreamReader r, String name, String where) throws InvalidBodyException {
        String text = attribute(r, name);
        if (text == null) return null;
        Instant instant = XsDateTime.parse(text);
        if (instant == null) {
            throw invalid(where + ": <" + r.getLocalName() + "> " + name + " " + quote(text) + " is not an xs:dateTime");
        }
        return instant;
    }

    /**
     * True if every attribute is unqualified and among {@code names}, or {@code xml:lang} when
     * {@code names} holds {@code "xml:lang"}. An element with others is kept verbatim rather than typed,
     * so that nothing a publisher sent is lost.
     */
    static boolean onlyAttributes(XMLStreamReader r, String... names) {
        outer:
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
            String ns = r.getAttributeNamespace(i);
            String name = ns == null || ns.isEmpty() ? r.getAttributeLocalName(i)
                    : XMLConstants.XML_NS_URI.equals(ns) ? "xml:" + r.getAttributeLocalName(i) : null;
            if (name == null) return false;
            for (String allowed : names) {
                if (allowed.equals(name)) continue outer;
            }
            return false;
        }
        return true;
    }

    static boolean in(XMLStreamReader r, String namespace) {
        return namespace.equals(r.getNamespaceURI());
    }

    static String name(XMLStreamReader r) {
        String ns = r.getNamespaceURI();
        return (ns == null || ns.isEmpty() ? "" : "{" + ns + "}") + r.getLocalName();
    }

    /** Publisher-supplied text for a message: single-quoted, one line, bounded. */
    static String quote(String s) {
        String shown = s.length() > 64 ? s.substring(0, 64) + "..." : s;
        StringBuilder out = new StringBuilder(shown.length() + 2).append('\'');
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            out.append(c < ' ' || c == '"' || c == '\\' ? '?' : c);
        }
        return out.append('\'').toString();
    }

    static InvalidBodyException invalid(String message) {
        return new InvalidBodyException(message);
    }
}
