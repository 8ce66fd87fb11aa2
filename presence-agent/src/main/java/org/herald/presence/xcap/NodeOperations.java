package org.herald.presence.xcap;

import java.util.List;
import java.util.function.IntFunction;
import javax.xml.XMLConstants;
import org.herald.presence.xcap.NodeSelector.Name;
import org.herald.presence.xcap.NodeSelector.Step;
import org.herald.presence.xcap.NodeSelector.Terminal;
import org.herald.presence.xcap.Selection.Result;
import org.herald.presence.xcap.XcapConflict.Condition;
import org.herald.presence.xml.XmlLimits;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * GET, PUT and DELETE of an element, an attribute or the namespace bindings of one document
 * (RFC 4825 §8.1–§8.4), done on its tree. Every change is checked the way the RFC defines success:
 * after a PUT the URI must select exactly what was put ({@code cannot-insert} otherwise), after a
 * DELETE it must select nothing ({@code cannot-delete} otherwise). The caller works on a fresh tree,
 * so a refused change leaves the stored document as it was.
 *
 * <p>Where a new element goes (§8.2.3), in the parent the other steps select:
 * <ul>
 *   <li>last step with a position {@code n}: right after the (n-1)th sibling the step's name test
 *       accepts, or before the first such sibling for n = 1, or last if there is none; fewer than
 *       n-1 such siblings is {@code cannot-insert};</li>
 *   <li>otherwise: right after the last sibling with the new element's expanded name, or last.</li>
 * </ul>
 */
final class NodeOperations {
    static final String ELEMENT_TYPE = "application/xcap-el+xml";
    static final String ATTRIBUTE_TYPE = "application/xcap-att+xml";
    static final String NAMESPACES_TYPE = "application/xcap-ns+xml";

    /** What a GET returns. */
    record Read(String contentType, byte[] body) {}

    private final Document doc;
    private final NodeSelector selector;
    private final IntFunction<String> ancestorUri;

    /**
     * @param ancestorUri the absolute URI that the first {@code k} steps select (the document for 0),
     *                    for {@code no-parent}
     */
    NodeOperations(Document doc, NodeSelector selector, IntFunction<String> ancestorUri) {
        this.doc = doc;
        this.selector = selector;
        this.ancestorUri = ancestorUri;
    }

    Read get() {
        Element e = found();
        return switch (selector.terminal()) {
            case Terminal.ElementNode en -> new Read(ELEMENT_TYPE, DomWriter.element(e));
            case Terminal.Namespaces ns -> new Read(NAMESPACES_TYPE, DomWriter.namespaces(e));
            case Terminal.AttributeNode a -> {
                Attr attr = attribute(e, a.name());
                if (attr == null) throw XcapException.notFound("no attribute " + a.name() + " there");
                yield new Read(ATTRIBUTE_TYPE, AttributeValues.format(attr.getValue()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        };
    }

    /** Creates or replaces the selected element; returns whether it was created. */
    boolean putElement(byte[] body, XmlLimits limits) {
        List<Step> steps = selector.steps();
        Result result = Selection.select(doc, steps);
        if (result instanceof Result.Found found) {
            Element old = found.element();
            Node parent = old.getParentNode();
            Element fresh = RequestBodies.fragment(body, parent, limits);
            parent.replaceChild(fresh, old);
            verifyInserted(fresh);
            return false;
        }
        Result.NotFound missing = (Result.NotFound) result;
        if (!missing.parentFound(steps.size())) throw noParent(missing.failedStep());
        if (missing.ambiguous()) {
            throw XcapException.conflict(Condition.CANNOT_INSERT, "the URI selects more than one element");
        }
        Node parent = missing.context();
        if (parent.getNodeType() == Node.DOCUMENT_NODE) {
            throw XcapException.conflict(Condition.CANNOT_INSERT, "a document has one root element; PUT the document instead");
        }
        Element fresh = RequestBodies.fragment(body, parent, limits);
        insert(parent, fresh, selector.last());
        verifyInserted(fresh);
        return true;
    }

    void deleteElement() {
        Element e = found();
        if (e == doc.getDocumentElement()) {
            throw XcapException.conflict(Condition.CANNOT_DELETE, "the root element cannot be deleted; DELETE the document instead");
        }
        e.getParentNode().removeChild(e);
        if (Selection.select(doc, selector.steps()) instanceof Result.Found) {
            throw XcapException.conflict(Condition.CANNOT_DELETE, "after the DELETE the URI would select another element");
        }
    }

    /** Creates or replaces the selected attribute; returns whether it was created. */
    boolean putAttribute(byte[] body) {
        Name name = ((Terminal.AttributeNode) selector.terminal()).name();
        Result result = Selection.select(doc, selector.steps());
        if (!(result instanceof Result.Found found)) throw noParent(((Result.NotFound) result).failedStep());
        Element e = found.element();
        String value = RequestBodies.attribute(body);
        Attr existing = attribute(e, name);
        if (existing != null) {
            existing.setValue(value);
        } else if (name.namespace().isEmpty()) {
            e.setAttributeNS(null, name.localName(), value);
        } else {
            e.setAttributeNS(name.namespace(), prefixFor(e, name) + ":" + name.localName(), value);
        }
        Result after = Selection.select(doc, selector.steps());
        if (!(after instanceof Result.Found again) || again.element() != e || !value.equals(attributeValue(e, name))) {
            throw XcapException.conflict(Condition.CANNOT_INSERT, "after the PUT the URI would not select this attribute value");
        }
        return existing == null;
    }

    void deleteAttribute() {
        Name name = ((Terminal.AttributeNode) selector.terminal()).name();
        Element e = found();
        Attr attr = attribute(e, name);
        if (attr == null) throw XcapException.notFound("no attribute " + name + " there");
        e.removeAttributeNode(attr);
        if (Selection.select(doc, selector.steps()) instanceof Result.Found again && attribute(again.element(), name) != null) {
            throw XcapException.conflict(Condition.CANNOT_DELETE, "after the DELETE the URI would select another attribute");
        }
    }

    private Element found() {
        if (Selection.select(doc, selector.steps()) instanceof Result.Found found) return found.element();
        throw XcapException.notFound("the node selector selects no single element");
    }

    private void verifyInserted(Element fresh) {
        if (!(Selection.select(doc, selector.steps()) instanceof Result.Found found) || found.element() != fresh) {
            throw XcapException.conflict(Condition.CANNOT_INSERT,
                    "after the PUT the URI would not select this element: its name or attributes do not match the node selector");
        }
    }

    private static void insert(Node parent, Element fresh, Step last) {
        if (last.hasPosition()) {
            List<Element> named = Selection.named(parent, last);
            int n = last.position();
            if (n < 1) throw XcapException.conflict(Condition.CANNOT_INSERT, "positions start at 1");
            if (n == 1) {
                parent.insertBefore(fresh, named.isEmpty() ? null : named.get(0));
            } else if (named.size() < n - 1) {
                throw XcapException.conflict(Condition.CANNOT_INSERT, "there " + (named.size() == 1 ? "is 1 element" : "are "
                        + named.size() + " elements") + " matching " + last.source().replaceFirst("\\[.*", "")
                        + ", so none can be put at position " + n);
            } else {
                parent.insertBefore(fresh, named.get(n - 2).getNextSibling());
            }
            return;
        }
        List<Element> same = Selection.sameName(parent, fresh);
        parent.insertBefore(fresh, same.isEmpty() ? null : same.get(same.size() - 1).getNextSibling());
    }

    private XcapException noParent(int failedStep) {
        return XcapException.conflict(XcapConflict.noParent("the parent of the selected node does not exist",
                ancestorUri.apply(failedStep)));
    }

    private static Attr attribute(Element e, Name name) {
        return e.getAttributeNodeNS(name.namespace().isEmpty() ? null : name.namespace(), name.localName());
    }

    private static String attributeValue(Element e, Name name) {
        Attr a = attribute(e, name);
        return a == null ? null : a.getValue();
    }

    /** A prefix bound to the attribute's namespace at the element, declaring the selector's if none is. */
    private static String prefixFor(Element e, Name name) {
        if (XMLConstants.XML_NS_URI.equals(name.namespace())) return XMLConstants.XML_NS_PREFIX;
        String bound = Namespaces.prefixFor(e, name.namespace());
        if (bound != null) return bound;
        String prefix = name.prefix();
        var inScope = Namespaces.inScope(e);
        for (int i = 0; inScope.containsKey(prefix); i++) prefix = name.prefix() + i;
        e.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + prefix, name.namespace());
        return prefix;
    }
}
