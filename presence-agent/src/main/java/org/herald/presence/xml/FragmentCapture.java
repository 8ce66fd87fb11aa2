package org.herald.presence.xml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Serializes the element a StAX reader is on into an {@link XmlFragment}, so that extensions the
 * model does not know pass through Herald unchanged.
 *
 * <p>What is kept exactly: element and attribute names with their prefixes, attribute order and
 * values, namespace declarations made inside the element, and all text, whitespace included.
 * What is normalised, none of which changes the XML Infoset a watcher sees:
 * <ul>
 *   <li>every prefix used inside the element but declared outside it (the default namespace
 *       included, as {@code xmlns=""} if it was none) is declared on the fragment's root, after the
 *       root's own declarations, in order of first use; {@code xml:} is never declared. A prefix
 *       that appears only inside an attribute value or text (a QName such as
 *       {@code xsi:type="rpid:x"}) is not seen, and so not declared;
 *   <li>attributes are written in double quotes, with {@code & < "} tab, CR and LF escaped;
 *       text with {@code & < >} and CR escaped; CDATA sections become escaped text;
 *   <li>an element with no content is written {@code <x/>};
 *   <li>comments and processing instructions are dropped.
 * </ul>
 * A fragment captured again from a document it was written into comes back identical, which is what
 * makes composition and re-serialization stable.
 */
public final class FragmentCapture {
    private FragmentCapture() {}

    /** Reads from the reader's current START_ELEMENT through its matching END_ELEMENT. */
    public static XmlFragment capture(XMLStreamReader r) throws XMLStreamException {
        if (r.getEventType() != XMLStreamConstants.START_ELEMENT) {
            throw new IllegalStateException("not on a start tag");
        }
        String namespace = nz(r.getNamespaceURI());
        String localName = r.getLocalName();
        String id = null;
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (nz(r.getAttributeNamespace(i)).isEmpty() && "id".equals(r.getAttributeLocalName(i))) {
                id = r.getAttributeValue(i);
            }
        }
        StringBuilder out = new StringBuilder(256);
        List<String> declared = new ArrayList<>();     // prefixes declared inside the fragment, innermost last
        int[] marks = new int[64];                       // declared.size() when each open element started
        Map<String, String> needed = new LinkedHashMap<>();
        int depth = 0;
        int rootDeclarationsEnd = -1;
        boolean startTagOpen = false;
        int event = XMLStreamConstants.START_ELEMENT;
        while (true) {
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (startTagOpen) out.append('>');
                    if (depth == marks.length) marks = java.util.Arrays.copyOf(marks, depth * 2);
                    marks[depth++] = declared.size();
                    String prefix = nz(r.getPrefix());
                    qname(out.append('<'), prefix, r.getLocalName());
                    for (int i = 0; i < r.getNamespaceCount(); i++) {
                        String p = nz(r.getNamespacePrefix(i));
                        declared.add(p);
                        declaration(out, p, nz(r.getNamespaceURI(i)));
                    }
                    if (depth == 1) rootDeclarationsEnd = out.length();
                    use(needed, declared, prefix, r.getNamespaceURI());
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        String p = nz(r.getAttributePrefix(i));
                        if (!p.isEmpty()) use(needed, declared, p, r.getAttributeNamespace(i));
                        qname(out.append(' '), p, r.getAttributeLocalName(i)).append("=\"");
                        XmlText.attribute(out, r.getAttributeValue(i)).append('"');
                    }
                    startTagOpen = true;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (startTagOpen) {
                        out.append("/>");
                        startTagOpen = false;
                    } else {
                        qname(out.append("</"), nz(r.getPrefix()), r.getLocalName()).append('>');
                    }
                    int mark = marks[--depth];
                    while (declared.size() > mark) declared.remove(declared.size() - 1);
                    if (depth == 0) {
                        insertNeeded(out, rootDeclarationsEnd, needed);
                        return new XmlFragment(namespace, localName, id, out.toString());
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (startTagOpen) {
                        out.append('>');
                        startTagOpen = false;
                    }
                    XmlText.text(out, r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                }
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("document ended inside "
                        + localName);
                default -> { } // comments, processing instructions
            }
            event = r.next();
        }
    }

    private static void use(Map<String, String> needed, List<String> declared, String prefix, String uri) {
        if (prefix.equals("xml") || needed.containsKey(prefix) || declared.contains(prefix)) return;
        needed.put(prefix, nz(uri));
    }

    private static void insertNeeded(StringBuilder out, int at, Map<String, String> needed) {
        if (needed.isEmpty()) return;
        StringBuilder declarations = new StringBuilder();
        needed.forEach((prefix, uri) -> declaration(declarations, prefix, uri));
        out.insert(at, declarations);
    }

    private static void declaration(StringBuilder out, String prefix, String uri) {
        out.append(prefix.isEmpty() ? " xmlns" : " xmlns:").append(prefix).append("=\"");
        XmlText.attribute(out, uri).append('"');
    }

    private static StringBuilder qname(StringBuilder out, String prefix, String local) {
        if (!prefix.isEmpty()) out.append(prefix).append(':');
        return out.append(local);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
