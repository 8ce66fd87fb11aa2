package org.herald.presence.partial;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes RFC 5262 {@code application/pidf-diff+xml} documents: {@code <p:pidf-full>} with the whole
 * presence document, {@code <p:pidf-diff>} with RFC 5261 operations. Both keep the presence root's
 * attributes (its namespace declarations and {@code entity}) and add {@code version}.
 */
public final class PidfDiffWriter {
    public static final String NS = "urn:ietf:params:xml:ns:pidf-diff";
    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private PidfDiffWriter() {}

    public static byte[] full(Document presence, long version) {
        Element root = presence.getDocumentElement();
        String p = prefix(root);
        StringBuilder out = new StringBuilder(DECLARATION);
        open(out, p, "pidf-full", root, version);
        XmlOut.children(root, out);
        out.append("</").append(p).append(":pidf-full>\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] diff(Document presence, long version, List<PidfDiff.Op> ops) {
        Element root = presence.getDocumentElement();
        String p = prefix(root);
        StringBuilder out = new StringBuilder(DECLARATION);
        open(out, p, "pidf-diff", root, version);
        for (PidfDiff.Op op : ops) {
            switch (op) {
                case PidfDiff.Op.Remove r -> out.append('<').append(p).append(":remove sel=\"")
                        .append(XmlOut.escapeAttribute(r.sel())).append("\"/>");
                case PidfDiff.Op.Replace r -> {
                    out.append('<').append(p).append(":replace sel=\"").append(XmlOut.escapeAttribute(r.sel())).append("\">");
                    XmlOut.element(r.element(), out);
                    out.append("</").append(p).append(":replace>");
                }
                case PidfDiff.Op.Add a -> {
                    out.append('<').append(p).append(":add sel=\"*\">");
                    XmlOut.element(a.element(), out);
                    out.append("</").append(p).append(":add>");
                }
            }
        }
        out.append("</").append(p).append(":pidf-diff>\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void open(StringBuilder out, String p, String name, Element root, long version) {
        out.append('<').append(p).append(':').append(name).append(" xmlns:").append(p).append("=\"").append(NS).append('"');
        XmlOut.attributes(root, out);
        out.append(" version=\"").append(version).append("\">");
    }

    /** {@code p} as in RFC 5262's examples, unless the presence document already uses it. */
    private static String prefix(Element root) {
        String p = "p";
        while (root.hasAttribute("xmlns:" + p)) p = p + "d";
        return p;
    }
}
