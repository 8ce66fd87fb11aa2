package org.herald.presence.partial;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import org.herald.presence.filter.FilterException;
import org.herald.presence.filter.Selection;
import org.herald.presence.filter.XPaths;
import org.herald.presence.xml.SafeDom;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Applies RFC 5261 XML patch operations ({@code <add>}, {@code <replace>}, {@code <remove>}, each with
 * a {@code sel} that must select exactly one node) to a document, in order, on a copy: either every
 * operation applies or the document is left as it was. Selectors are XPath evaluated by Saxon with
 * the prefixes in scope on the operation, an unprefixed name meaning the default namespace there
 * (RFC 5261 §4.2.2), and the same refusal of functions that reach outside the document as filters.
 */
public final class XmlPatch {
    private XmlPatch() {}

    /** A patch that does not apply (RFC 5261 §5 error conditions), with what went wrong. */
    public static final class PatchException extends Exception {
        public PatchException(String message) {
            super(message);
        }
    }

    /** The patched copy of {@code target}; {@code operations} holds the operation elements as children. */
    public static Document apply(Document target, Element operations) throws PatchException {
        Document doc = (Document) target.cloneNode(true);
        for (Node n = operations.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element op)) continue;
            Node selected = select(doc, op);
            switch (op.getLocalName()) {
                case "add" -> add(doc, op, selected);
                case "replace" -> replace(doc, op, selected);
                case "remove" -> remove(selected);
                default -> throw new PatchException("unknown operation " + op.getLocalName());
            }
        }
        return doc;
    }

    private static Node select(Document doc, Element op) throws PatchException {
        String sel = op.getAttribute("sel");
        if (sel.isEmpty()) throw new PatchException("an operation without sel");
        Selection selection;
        try {
            selection = XPaths.compile(sel, inScope(op));
        } catch (FilterException e) {
            throw new PatchException("invalid sel " + sel + ": " + e.getMessage());
        }
        List<Node> nodes = selection.select(XPaths.wrap(doc));
        if (nodes.size() != 1) throw new PatchException("sel " + sel + " selects " + nodes.size() + " nodes, not one");
        return nodes.get(0);
    }

    private static void add(Document doc, Element op, Node selected) throws PatchException {
        String type = op.getAttribute("type");
        if (!type.isEmpty()) {
            if (!type.startsWith("@") || !(selected instanceof Element e)) throw new PatchException("unsupported add type " + type);
            String name = type.substring(1);
            if (e.hasAttribute(name)) throw new PatchException("attribute " + name + " exists");
            e.setAttribute(name, op.getTextContent());
            return;
        }
        if (!(selected instanceof Element parent)) throw new PatchException("add must select an element");
        String pos = op.getAttribute("pos");
        for (Node content : content(doc, op)) {
            switch (pos) {
                case "", "append" -> parent.appendChild(content);
                case "prepend" -> parent.insertBefore(content, parent.getFirstChild());
                case "before", "after" -> {
                    Node container = parent.getParentNode();
                    if (container == null || container.getNodeType() == Node.DOCUMENT_NODE) {
                        throw new PatchException("cannot add a sibling of the root");
                    }
                    container.insertBefore(content, pos.equals("before") ? parent : parent.getNextSibling());
                }
                default -> throw new PatchException("unknown pos " + pos);
            }
        }
    }

    private static void replace(Document doc, Element op, Node selected) throws PatchException {
        switch (selected) {
            case Attr a -> a.setValue(op.getTextContent());
            case Element e -> {
                List<Node> content = content(doc, op).stream().filter(n -> n instanceof Element).toList();
                if (content.size() != 1) throw new PatchException("replacing an element takes one element");
                if (e.getParentNode().getNodeType() == Node.DOCUMENT_NODE) throw new PatchException("the root cannot be replaced");
                e.getParentNode().replaceChild(content.get(0), e);
            }
            default -> {
                if (selected.getNodeType() != Node.TEXT_NODE) throw new PatchException("cannot replace this node");
                selected.setNodeValue(op.getTextContent());
            }
        }
    }

    private static void remove(Node selected) throws PatchException {
        if (selected instanceof Attr a) {
            a.getOwnerElement().removeAttributeNode(a);
            return;
        }
        Node parent = selected.getParentNode();
        if (parent == null || parent.getNodeType() == Node.DOCUMENT_NODE) throw new PatchException("the root cannot be removed");
        parent.removeChild(selected);
    }

    /** The operation's children imported into the document, with the namespaces they use declared where they land. */
    private static List<Node> content(Document doc, Element op) {
        List<Node> out = new ArrayList<>();
        Map<String, String> scope = inScope(op);
        for (Node c = op.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.TEXT_NODE && c.getNodeValue().isBlank()) continue;
            Node imported = doc.importNode(c, true);
            if (imported instanceof Element e) declare(e, scope);
            out.add(imported);
        }
        return out;
    }

    /** Declares on the element the in-scope prefixes of the patch it uses but does not declare. */
    private static void declare(Element e, Map<String, String> scope) {
        String prefix = e.getPrefix() == null ? "" : e.getPrefix();
        String attr = prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix;
        if (!e.hasAttribute(attr) && e.getNamespaceURI() != null && e.getNamespaceURI().equals(scope.get(prefix))) {
            e.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, attr, e.getNamespaceURI());
        }
    }

    /** Prefixes declared on the element and its ancestors, nearest first; "" is the default namespace. */
    static Map<String, String> inScope(Element e) {
        Map<String, String> out = new HashMap<>();
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            for (Attr a : SafeDom.attributes(el)) {
                if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) continue;
                String prefix = a.getName().equals("xmlns") ? "" : a.getName().substring(6);
                out.putIfAbsent(prefix, a.getValue());
            }
        }
        return out;
    }
}
