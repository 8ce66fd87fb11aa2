package org.herald.presence.partial;

import org.herald.presence.xml.SafeDom;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Writes DOM trees built by {@link SafeDom} as XML text, names and namespace declarations as they are. */
final class XmlOut {
    private XmlOut() {}

    static void element(Element e, StringBuilder out) {
        out.append('<').append(e.getTagName());
        attributes(e, out);
        if (e.getFirstChild() == null) {
            out.append("/>");
            return;
        }
        out.append('>');
        children(e, out);
        out.append("</").append(e.getTagName()).append('>');
    }

    static void attributes(Element e, StringBuilder out) {
        for (Attr a : SafeDom.attributes(e)) {
            out.append(' ').append(a.getName()).append("=\"");
            escape(a.getValue(), out, true);
            out.append('"');
        }
    }

    static void children(Element e, StringBuilder out) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            switch (c.getNodeType()) {
                case Node.ELEMENT_NODE -> element((Element) c, out);
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> escape(c.getNodeValue(), out, false);
                default -> { }
            }
        }
    }

    static void escape(String s, StringBuilder out, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> out.append(c);
            }
        }
    }

    static String escapeAttribute(String s) {
        StringBuilder b = new StringBuilder();
        escape(s, b, true);
        return b.toString();
    }
}
