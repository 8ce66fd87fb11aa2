package org.herald.presence.xcap;

import java.util.List;
import java.util.Map;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;

/**
 * A parsed node selector (RFC 4825 §6.3): steps from the root element down to one element, then
 * that element, one of its attributes, or its namespace bindings ({@code namespace::*}).
 *
 * <pre>
 *   /resource-lists/list[@name="friends"]/entry[2]/@uri
 *    └── step ────┘ └──── step ────────┘ └ step ┘ └terminal┘
 * </pre>
 *
 * Names are expanded when parsed: a prefix through the {@code xmlns()} bindings of the query, an
 * element name without a prefix into the application usage's default namespace, an attribute name
 * without a prefix into no namespace.
 */
public record NodeSelector(List<Step> steps, Terminal terminal) {

    /** A step with no position predicate. */
    public static final int NO_POSITION = -1;

    public NodeSelector {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) throw new IllegalArgumentException("a node selector has at least one step");
    }

    /** Parses decoded selector text; throws an {@link XcapException} (400) when it does not parse. */
    public static NodeSelector parse(String text, Map<String, String> bindings, String defaultNamespace) {
        return new NodeSelectorParser(text, bindings, defaultNamespace).parse();
    }

    /** What the selector ends in. */
    public sealed interface Terminal {
        record ElementNode() implements Terminal {}

        record AttributeNode(Name name) implements Terminal {}

        record Namespaces() implements Terminal {}
    }

    /** An expanded name; {@code namespace} is empty for none. {@code prefix} is as written, for messages. */
    public record Name(String namespace, String localName, String prefix) {
        public boolean matches(String nodeNamespace, String nodeLocalName) {
            return localName.equals(nodeLocalName) && namespace.equals(nodeNamespace == null ? "" : nodeNamespace);
        }

        public boolean matches(Attr attr) {
            return matches(attr.getNamespaceURI(), attr.getLocalName());
        }

        @Override
        public String toString() {
            return prefix.isEmpty() ? localName : prefix + ":" + localName;
        }
    }

    /**
     * One step: a name or {@code *} (null name), an optional position (1-based; {@link #NO_POSITION}
     * for none) and an optional attribute test, evaluated in that order.
     *
     * @param source the step as written, for the URIs in error documents
     */
    public record Step(Name name, int position, Name attribute, String attributeValue, String source) {
        public boolean isWildcard() {
            return name == null;
        }

        public boolean hasPosition() {
            return position != NO_POSITION;
        }

        public boolean nameMatches(Element e) {
            return name == null || name.matches(e.getNamespaceURI(), e.getLocalName());
        }

        /** Whether the element passes the attribute test (always, when there is none). */
        public boolean attributeMatches(Element e) {
            if (attribute == null) return true;
            Attr a = attribute.namespace().isEmpty() ? e.getAttributeNodeNS(null, attribute.localName())
                    : e.getAttributeNodeNS(attribute.namespace(), attribute.localName());
            return a != null && a.getValue().equals(attributeValue);
        }

        @Override
        public String toString() {
            return source;
        }
    }

    public Step last() {
        return steps.get(steps.size() - 1);
    }

    /** The steps as written, joined by {@code /}, up to (not including) step {@code n}. */
    public String sourceOf(int n) {
        return String.join("/", steps.subList(0, n).stream().map(Step::source).toList());
    }
}
