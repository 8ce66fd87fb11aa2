package org.herald.presence.xcap;

/**
 * The {@code application/xcap-att+xml} body (RFC 4825 §8.2.4, §8.1.3): an attribute value written
 * as in an XML AttValue without its quotes, so {@code <} never appears and {@code &} only starts a
 * character or predefined entity reference.
 */
final class AttributeValues {
    private AttributeValues() {}

    /** The value the body stands for; throws {@code not-xml-att-value} when it is not an AttValue. */
    static String parse(String body) {
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            switch (c) {
                case '<' -> throw notAttValue("'<' must be written &lt;");
                case '&' -> {
                    int end = body.indexOf(';', i);
                    String resolved = end < 0 ? null : reference(body.substring(i + 1, end));
                    if (resolved == null) throw notAttValue("'&' must start a character or entity reference");
                    value.append(resolved);
                    i = end;
                }
                case '\t', '\n', '\r' -> value.append(' '); // attribute-value normalization, XML 1.0 §3.3.3
                default -> {
                    if (!isXmlChar(c) && !Character.isSurrogate(c)) throw notAttValue("character U+"
                            + Integer.toHexString(c) + " is not allowed in XML");
                    value.append(c);
                }
            }
        }
        return value.toString();
    }

    /** The body for a value: the inverse of {@link #parse}. */
    static String format(String value) {
        return DomWriter.escapeAttribute(value);
    }

    /** The text of {@code &name;} (predefined entity or character reference), or null. */
    static String reference(String name) {
        switch (name) {
            case "lt": return "<";
            case "gt": return ">";
            case "amp": return "&";
            case "apos": return "'";
            case "quot": return "\"";
            default: break;
        }
        if (name.length() < 2 || name.charAt(0) != '#') return null;
        try {
            int code = name.charAt(1) == 'x' ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
            if (code < 0 || code > 0x10FFFF || !isXmlChar(code)) return null;
            return new String(Character.toChars(code));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private static XcapException notAttValue(String why) {
        return XcapException.conflict(XcapConflict.Condition.NOT_XML_ATT_VALUE, why);
    }
}
