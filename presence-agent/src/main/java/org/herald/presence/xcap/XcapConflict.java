package org.herald.presence.xcap;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The body of a 409 (RFC 4825 §11): which condition failed, a phrase for people, and for the two
 * conditions that carry more, the closest existing ancestor ({@code no-parent}) or the values that
 * are not unique with alternatives ({@code uniqueness-failure}).
 *
 * @param ancestor absolute URI of the closest ancestor that exists, or null
 */
public record XcapConflict(Condition condition, String phrase, String ancestor, List<Exists> exists) {

    public static final String MIME_TYPE = "application/xcap-error+xml";
    public static final String NAMESPACE = "urn:ietf:params:xml:ns:xcap-error";

    /** The error elements of RFC 4825 §11.2 that Herald sends. */
    public enum Condition {
        NOT_WELL_FORMED("not-well-formed"),
        NOT_XML_FRAG("not-xml-frag"),
        NOT_XML_ATT_VALUE("not-xml-att-value"),
        SCHEMA_VALIDATION_ERROR("schema-validation-error"),
        NO_PARENT("no-parent"),
        CANNOT_INSERT("cannot-insert"),
        CANNOT_DELETE("cannot-delete"),
        UNIQUENESS_FAILURE("uniqueness-failure"),
        CONSTRAINT_FAILURE("constraint-failure"),
        NOT_UTF_8("not-utf-8");

        private final String element;

        Condition(String element) {
            this.element = element;
        }

        public String element() {
            return element;
        }
    }

    /** One value that is not unique: where (a node selector), and values that would be. */
    public record Exists(String field, List<String> altValues) {
        public Exists {
            altValues = List.copyOf(altValues);
        }
    }

    public XcapConflict {
        phrase = phrase == null ? "" : phrase;
        exists = List.copyOf(exists);
    }

    public static XcapConflict of(Condition condition, String phrase) {
        return new XcapConflict(condition, phrase, null, List.of());
    }

    public static XcapConflict noParent(String phrase, String ancestor) {
        return new XcapConflict(Condition.NO_PARENT, phrase, ancestor, List.of());
    }

    public static XcapConflict notUnique(String phrase, List<Exists> exists) {
        return new XcapConflict(Condition.UNIQUENESS_FAILURE, phrase, null, exists);
    }

    /** The {@code application/xcap-error+xml} document. */
    public byte[] toXml() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xcap-error xmlns=\"")
                .append(NAMESPACE).append("\"><").append(condition.element());
        if (!phrase.isEmpty()) xml.append(" phrase=\"").append(DomWriter.escapeAttribute(phrase)).append('"');
        if (ancestor == null && exists.isEmpty()) {
            xml.append("/>");
        } else {
            xml.append('>');
            if (ancestor != null) xml.append("<ancestor>").append(DomWriter.escapeText(ancestor)).append("</ancestor>");
            for (Exists e : exists) {
                xml.append("<exists field=\"").append(DomWriter.escapeAttribute(e.field())).append("\">");
                for (String alt : e.altValues()) xml.append("<alt-value>").append(DomWriter.escapeText(alt)).append("</alt-value>");
                xml.append("</exists>");
            }
            xml.append("</").append(condition.element()).append('>');
        }
        return xml.append("</xcap-error>\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
