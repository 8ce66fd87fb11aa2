package org.herald.presence.xml;

/**
 * Escaping for XML written by hand into a {@link StringBuilder}: faster than an XMLStreamWriter and
 * the only way to put a preserved fragment into a document verbatim. Characters that a parser would
 * normalise away (a CR in text; tab, CR and LF in an attribute) are written as character references
 * so that what is read back is what was written.
 */
public final class XmlText {
    private XmlText() {}

    /** Appends character data: {@code & < >} and CR escaped. */
    public static StringBuilder text(StringBuilder out, CharSequence s) {
        for (int i = 0, n = s.length(); i < n; i++) textChar(out, s.charAt(i));
        return out;
    }

    /** Appends character data from a StAX text buffer without copying it to a String first. */
    public static StringBuilder text(StringBuilder out, char[] chars, int start, int length) {
        for (int i = start, end = start + length; i < end; i++) textChar(out, chars[i]);
        return out;
    }

    private static void textChar(StringBuilder out, char c) {
        switch (c) {
            case '&' -> out.append("&amp;");
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '\r' -> out.append("&#13;");
            default -> out.append(c);
        }
    }

    /** Appends an attribute value for double quotes: {@code & < "}, tab, CR and LF escaped. */
    public static StringBuilder attribute(StringBuilder out, CharSequence s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '"' -> out.append("&quot;");
                case '\t' -> out.append("&#9;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
        return out;
    }
}
