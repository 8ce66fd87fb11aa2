package org.herald.presence.xcap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.herald.presence.xcap.XcapConflict.Exists;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Uniqueness constraints: an attribute whose value must differ among sibling elements, or across a
 * whole document, answered with {@code uniqueness-failure} naming the field and, where the value is
 * a name the client chose, proposing values that are free.
 */
final class Uniqueness {
    private static final int ALTERNATIVES = 3;

    private Uniqueness() {}

    /** The attribute's value is unique among the element children of each parent. */
    static DocumentConstraint amongSiblings(String namespace, String element, String attribute, boolean proposeAlternatives) {
        return (doc, context) -> {
            List<Exists> exists = new ArrayList<>();
            Set<Node> parents = new java.util.LinkedHashSet<>();
            for (Element e : all(doc, namespace, element)) parents.add(e.getParentNode());
            for (Node parent : parents) {
                List<String> values = new ArrayList<>();
                for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e && namespace.equals(e.getNamespaceURI()) && element.equals(e.getLocalName())
                            && e.hasAttribute(attribute)) {
                        values.add(e.getAttribute(attribute));
                    }
                }
                exists.addAll(duplicates(values, field(parent, element, attribute), proposeAlternatives ? Uniqueness::suffixed : null));
            }
            return conflict(exists, "<" + element + "> " + attribute + " must be unique among siblings");
        };
    }

    /** The attribute's value is unique among all the named elements of the document. */
    static DocumentConstraint inDocument(List<String[]> elements, String attribute, boolean proposeAlternatives) {
        return (doc, context) -> {
            List<String> values = new ArrayList<>();
            String field = null;
            for (String[] nsAndName : elements) {
                for (Element e : all(doc, nsAndName[0], nsAndName[1])) {
                    if (!e.hasAttribute(attribute)) continue;
                    values.add(e.getAttribute(attribute));
                    if (field == null) field = field(e.getParentNode(), nsAndName[1], attribute);
                }
            }
            return conflict(duplicates(values, field, proposeAlternatives ? Uniqueness::suffixed : null),
                    attribute + " must be unique in the document");
        };
    }

    /** One {@code exists} per value that appears more than once. */
    static List<Exists> duplicates(List<String> values, String field, Function<String, List<String>> alternatives) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String v : values) counts.merge(v, 1, Integer::sum);
        List<Exists> exists = new ArrayList<>();
        Set<String> taken = new HashSet<>(values);
        counts.forEach((value, count) -> {
            if (count > 1) exists.add(new Exists(field, alternatives == null ? List.of() : free(alternatives.apply(value), taken)));
        });
        return exists;
    }

    static Optional<XcapConflict> conflict(List<Exists> exists, String phrase) {
        return exists.isEmpty() ? Optional.empty() : Optional.of(XcapConflict.notUnique(phrase, exists));
    }

    /** Candidates for a name: {@code name-2}, {@code name-3}, ...; for a SIP URI the user part is suffixed. */
    static List<String> suffixed(String value) {
        List<String> out = new ArrayList<>();
        int at = value.indexOf('@');
        boolean uri = value.startsWith("sip:") || value.startsWith("sips:");
        for (int i = 2; i < 2 + 20; i++) {
            out.add(uri && at > 0 ? value.substring(0, at) + "-" + i + value.substring(at) : value + "-" + i);
        }
        return out;
    }

    static List<String> free(List<String> candidates, Collection<String> taken) {
        return candidates.stream().filter(c -> !taken.contains(c)).limit(ALTERNATIVES).toList();
    }

    static List<Element> all(Document doc, String namespace, String local) {
        NodeList list = doc.getElementsByTagNameNS(namespace, local);
        List<Element> out = new ArrayList<>(list.getLength());
        for (int i = 0; i < list.getLength(); i++) out.add((Element) list.item(i));
        return out;
    }

    /** A node selector naming the field, e.g. {@code resource-lists/list/entry/@uri}. */
    static String field(Node parent, String element, String attribute) {
        List<String> names = new ArrayList<>();
        for (Node n = parent; n != null && n.getNodeType() == Node.ELEMENT_NODE; n = n.getParentNode()) {
            names.add(0, n.getNodeName());
        }
        String written = element; // as the document writes it, prefix included, so the selector resolves
        for (Node c = parent == null ? null : parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE && element.equals(c.getLocalName())) {
                written = c.getNodeName();
                break;
            }
        }
        names.add(written);
        return String.join("/", names) + "/@" + attribute;
    }
}
