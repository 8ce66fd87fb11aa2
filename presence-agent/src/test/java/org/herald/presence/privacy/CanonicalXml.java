package org.herald.presence.privacy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.herald.presence.xml.SafeXml;
import org.herald.presence.xml.XmlLimits;

/**
 * A document's content with the accidents of writing removed — prefixes, where namespaces are
 * declared, attribute order, whitespace between elements — so that tests compare what a watcher
 * learns, not how the writer formats it. One element per line, indented, as {@code {ns}name} with
 * attributes sorted.
 */
final class CanonicalXml {
    private CanonicalXml() {}

    static String of(String xml) {
        return of(xml.getBytes(StandardCharsets.UTF_8));
    }

    static String of(byte[] xml) {
        try {
            XMLStreamReader r = SafeXml.open(xml, XmlLimits.DEFAULT);
            StringBuilder out = new StringBuilder();
            int depth = 0;
            StringBuilder text = new StringBuilder();
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        flush(out, text, depth);
                        out.append("  ".repeat(depth)).append(name(r.getNamespaceURI(), r.getLocalName()));
                        List<String> attributes = new ArrayList<>();
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            attributes.add(name(r.getAttributeNamespace(i), r.getAttributeLocalName(i)) + "="
                                    + r.getAttributeValue(i));
                        }
                        attributes.sort(null);
                        if (!attributes.isEmpty()) out.append(' ').append(attributes);
                        out.append('\n');
                        depth++;
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        flush(out, text, depth);
                        depth--;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                            text.append(r.getText());
                    default -> { }
                }
            }
            return out.toString();
        } catch (Exception e) {
            throw new AssertionError("not readable XML: " + new String(xml, StandardCharsets.UTF_8), e);
        }
    }

    private static void flush(StringBuilder out, StringBuilder text, int depth) {
        String t = text.toString().strip();
        if (!t.isEmpty()) out.append("  ".repeat(depth)).append('"').append(t).append("\"\n");
        text.setLength(0);
    }

    private static String name(String ns, String local) {
        return ns == null || ns.isEmpty() ? local : "{" + ns + "}" + local;
    }
}
