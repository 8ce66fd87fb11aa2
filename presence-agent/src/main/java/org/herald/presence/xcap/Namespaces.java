package org.herald.presence.xcap;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import org.herald.presence.xml.SafeDom;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Namespace bindings of a tree whose declarations are {@code xmlns} attributes. */
final class Namespaces {
    private Namespaces() {}

    /**
     * Prefix → namespace for every binding in scope at the element (the default namespace under the
     * empty prefix; an undeclared default, {@code xmlns=""}, is left out). Nearest declaration wins.
     */
    static Map<String, String> inScope(Node node) {
        Map<String, String> bindings = new LinkedHashMap<>();
        for (Node n = node; n != null && n.getNodeType() == Node.ELEMENT_NODE; n = n.getParentNode()) {
            for (Attr a : SafeDom.attributes((Element) n)) {
                if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) continue;
                String prefix = a.getPrefix() == null ? "" : a.getLocalName();
                bindings.putIfAbsent(prefix, a.getValue());
            }
        }
        bindings.values().removeIf(String::isEmpty);
        return bindings;
    }

    /** A prefix bound to the namespace at the element, or null. */
    static String prefixFor(Element element, String namespace) {
        for (Map.Entry<String, String> e : inScope(element).entrySet()) {
            if (!e.getKey().isEmpty() && e.getValue().equals(namespace)) return e.getKey();
        }
        return null;
    }
}
