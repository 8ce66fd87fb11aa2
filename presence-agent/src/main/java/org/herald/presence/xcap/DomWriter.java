package org.herald.presence.xcap;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.herald.presence.xml.SafeDom;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Writes a tree built by {@link org.herald.presence.xml.SafeDom} back to UTF-8 XML. Every element
 * and attribute is written with the name it was read or inserted with, and namespace declarations
 * are the {@code xmlns} attributes in the tree, so nothing is renamed or redeclared; an element is
 * written exactly as it sits in its document (RFC 4825 §8.1.2: its prefixes may be bound by an
 * ancestor, which a client learns with {@code namespace::*}).
 */
final class DomWriter {
    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private DomWriter() {}

    static byte[] document(Document doc) {
        StringBuilder out = new StringBuilder(DECLARATION);
        for (Node n = doc.getFirstChild(); n != null; n = n.getNextSibling()) {
            write(n, out);
            if (n.getNodeType() != Node.ELEMENT_NODE || n.getNextSibling() != null) out.append('\n');
        }
        if (out.charAt(out.length() - 1) != '\n') out.append('\n');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] element(Element element) {
        StringBuilder out = new StringBuilder();
        write(element, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The {@code application/xcap-ns+xml} body (RFC 4825 §8.1.4): an empty element with the selected
     * element's name and a declaration for every namespace binding in scope there.
     */
    static byte[] namespaces(Element element) {
        StringBuilder out = new StringBuilder("<").append(element.getTagName());
        for (Map.Entry<String, String> binding : Namespaces.inScope(element).entrySet()) {
            out.append(binding.getKey().isEmpty() ? " xmlns" : " xmlns:" + binding.getKey())
                    .append("=\"").append(escapeAttribute(binding.getValue())).append('"');
        }
        return out.append("/>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(Node node, StringBuilder out) {
        switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> {
                Element e = (Element) node;
                out.append('<').append(e.getTagName());
                for (Attr a : SafeDom.attributes(e)) {
                    out.append(' ').append(a.getName()).append("=\"").append(escapeAttribute(a.getValue())).append('"');
                }
                if (!e.hasChildNodes()) {
                    out.append("/>");
                    return;
                }
                out.append('>');
                for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) write(c, out);
                out.append("</").append(e.getTagName()).append('>');
            }
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> out.append(escapeText(node.getNodeValue()));
            case Node.COMMENT_NODE -> out.append("<!--").append(node.getNodeValue()).append("-->");
            case Node.PROCESSING_INSTRUCTION_NODE -> {
                out.append("<?").append(node.getNodeName());
                if (!node.getNodeValue().isEmpty()) out.append(' ').append(node.getNodeValue());
                out.append("?>");
            }
            default -> { }
        }
    }

    static String escapeText(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String escapeAttribute(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
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
        return out.toString();
    }
}
