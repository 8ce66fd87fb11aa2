package org.herald.presence.privacy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.herald.presence.xml.SafeXml;
import org.herald.presence.xml.XmlFragment;
import org.herald.presence.xml.XmlLimits;
import org.herald.presence.xml.XmlText;

/**
 * A preserved {@link XmlFragment} opened into a small immutable tree, so that filtering can drop
 * children or attributes of a {@code <person>}, {@code <device>} or {@code <user-input>} and write the
 * rest back. Writing follows {@link org.herald.presence.xml.FragmentCapture}'s conventions exactly,
 * so an untouched tree writes back the fragment it was read from, character for character; and since
 * the fragment declares every prefix it uses on its root, children moved nowhere need no new
 * declarations.
 */
final class FragmentTree {
    /**
     * The fragment already passed the limits of the document it came from; these only stop a
     * programming error from reading without bound.
     */
    private static final XmlLimits LIMITS = new XmlLimits(8 * 1024 * 1024, 256, 500_000, 4096, 8 * 1024 * 1024);

    private FragmentTree() {}

    /** Element content: a child element or text. */
    sealed interface Node permits Element, Text {}

    record Text(String text) implements Node {}

    record Declaration(String prefix, String uri) {}

    record Attr(String prefix, String localName, String namespace, String value) {}

    record Element(String prefix, String localName, String namespace, List<Declaration> declarations,
                   List<Attr> attributes, List<Node> children) implements Node {

        Element {
            declarations = List.copyOf(declarations);
            attributes = List.copyOf(attributes);
            children = List.copyOf(children);
        }

        boolean is(String ns, String local) {
            return namespace.equals(ns) && localName.equals(local);
        }

        /** The unqualified attribute, or null. */
        String attribute(String local) {
            for (Attr a : attributes) if (a.namespace().isEmpty() && a.localName().equals(local)) return a.value();
            return null;
        }

        /** The child elements, in order. */
        List<Element> elements() {
            List<Element> out = new ArrayList<>();
            for (Node n : children) if (n instanceof Element e) out.add(e);
            return out;
        }

        /** The element's own text, children's excluded. */
        String text() {
            StringBuilder out = new StringBuilder();
            for (Node n : children) if (n instanceof Text t) out.append(t.text());
            return out.toString();
        }

        Element withChildren(List<Node> next) {
            return new Element(prefix, localName, namespace, declarations, attributes, next);
        }

        Element withoutAttributes(Predicate<Attr> drop) {
            return new Element(prefix, localName, namespace, declarations,
                    attributes.stream().filter(drop.negate()).toList(), children);
        }

        /** Writes this element back as a fragment. */
        XmlFragment fragment() {
            StringBuilder out = new StringBuilder(256);
            write(out, this);
            return new XmlFragment(namespace, localName, attribute("id"), out.toString());
        }
    }

    static Element parse(XmlFragment fragment) {
        XMLStreamReader r = null;
        try {
            r = SafeXml.open(fragment.xml().getBytes(StandardCharsets.UTF_8), LIMITS);
            while (r.next() != XMLStreamConstants.START_ELEMENT) { }
            return element(r);
        } catch (XMLStreamException e) {
            // A fragment is XML a parser produced; failing to read it back is a bug, not bad input.
            throw new IllegalStateException("unreadable preserved fragment: " + SafeXml.describe(e), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing held but memory
                }
            }
        }
    }

    private static Element element(XMLStreamReader r) throws XMLStreamException {
        List<Declaration> declarations = new ArrayList<>();
        for (int i = 0; i < r.getNamespaceCount(); i++) {
            declarations.add(new Declaration(nz(r.getNamespacePrefix(i)), nz(r.getNamespaceURI(i))));
        }
        List<Attr> attributes = new ArrayList<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            attributes.add(new Attr(nz(r.getAttributePrefix(i)), r.getAttributeLocalName(i),
                    nz(r.getAttributeNamespace(i)), r.getAttributeValue(i)));
        }
        String prefix = nz(r.getPrefix());
        String local = r.getLocalName();
        String ns = nz(r.getNamespaceURI());
        List<Node> children = new ArrayList<>();
        while (true) {
            switch (r.next()) {
                case XMLStreamConstants.START_ELEMENT -> children.add(element(r));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        children.add(new Text(r.getText()));
                case XMLStreamConstants.END_ELEMENT -> {
                    return new Element(prefix, local, ns, declarations, attributes, children);
                }
                default -> { } // comments, processing instructions
            }
        }
    }

    private static void write(StringBuilder out, Element e) {
        qname(out.append('<'), e.prefix(), e.localName());
        for (Declaration d : e.declarations()) {
            out.append(d.prefix().isEmpty() ? " xmlns" : " xmlns:").append(d.prefix()).append("=\"");
            XmlText.attribute(out, d.uri()).append('"');
        }
        for (Attr a : e.attributes()) {
            qname(out.append(' '), a.prefix(), a.localName()).append("=\"");
            XmlText.attribute(out, a.value()).append('"');
        }
        if (e.children().isEmpty()) {
            out.append("/>");
            return;
        }
        out.append('>');
        for (Node n : e.children()) {
            switch (n) {
                case Element child -> write(out, child);
                case Text t -> XmlText.text(out, t.text());
            }
        }
        qname(out.append("</"), e.prefix(), e.localName()).append('>');
    }

    private static StringBuilder qname(StringBuilder out, String prefix, String local) {
        if (!prefix.isEmpty()) out.append(prefix).append(':');
        return out.append(local);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
