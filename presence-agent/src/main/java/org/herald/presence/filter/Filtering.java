package org.herald.presence.filter;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.herald.presence.xml.SafeDom;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Evaluation of RFC 4660/4661 filters, with no I/O: which filters fire for a change of a watcher's
 * view (their triggers, RFC 4661 §3.5), and the document made of what the fired filters select
 * (their {@code <what>}, §3.4).
 *
 * <p>Selection: an element selected by an {@code <include>} is sent with its whole subtree, less what
 * the same filter's {@code <exclude>}s select; its ancestors are sent with their attributes (so the
 * document keeps its root, namespaces and the ids of its tuples, persons and devices) but only with
 * the children that lead to something selected. An attribute or a text node selects its element's
 * ancestors only, respectively its element. What several filters select is united.
 *
 * <p>Triggers compare the view before and after: nodes are matched by their path, each step an
 * element's name and its {@code id} attribute when it has one (else its position among same-named
 * siblings), so {@code /presence/tuple[@id='a']/status/basic} before is the same node after.
 */
public final class Filtering {
    private Filtering() {}

    /** What to do for one change. */
    public sealed interface Outcome {
        /** Send this document. */
        record Send(byte[] body) implements Outcome {}

        /** No trigger fired: nothing is sent. */
        record Quiet() implements Outcome {}
    }

    /**
     * @param previous the view at the last evaluation, or null to send what every filter selects
     *                 (the NOTIFY answering a SUBSCRIBE ignores triggers)
     */
    public static Outcome apply(List<Filter> filters, Snapshot previous, Snapshot current) {
        if (previous == null) return new Outcome.Send(select(filters, current));
        List<Filter> fired = filters.stream().filter(f -> fires(f, previous, current)).toList();
        return fired.isEmpty() ? new Outcome.Quiet() : new Outcome.Send(select(fired, current));
    }

    /** Whether the filter's triggers fire; a filter without triggers fires when what it selects changed. */
    static boolean fires(Filter f, Snapshot previous, Snapshot current) {
        if (f.triggers().isEmpty()) {
            return !java.util.Arrays.equals(select(List.of(f), previous), select(List.of(f), current));
        }
        for (List<Condition> trigger : f.triggers()) {
            if (trigger.stream().allMatch(c -> holds(c, previous, current))) return true;
        }
        return false;
    }

    static boolean holds(Condition c, Snapshot previous, Snapshot current) {
        Map<String, String> before = values(c.selection(), previous);
        Map<String, String> after = values(c.selection(), current);
        return switch (c) {
            case Condition.Added a -> after.keySet().stream().anyMatch(k -> !before.containsKey(k));
            case Condition.Removed r -> before.keySet().stream().anyMatch(k -> !after.containsKey(k));
            case Condition.Changed ch -> after.entrySet().stream().anyMatch(e -> {
                String old = before.get(e.getKey());
                return old != null && changed(ch, old, e.getValue());
            });
        };
    }

    private static boolean changed(Condition.Changed c, String old, String now) {
        if (old.equals(now)) return false;
        if (c.from() != null && !c.from().equals(old)) return false;
        if (c.to() != null && !c.to().equals(now)) return false;
        if (c.by() != null) {
            try {
                return Math.abs(Double.parseDouble(now) - Double.parseDouble(old)) >= c.by();
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    /** The selected nodes by path, with their string values. */
    private static Map<String, String> values(Selection s, Snapshot snapshot) {
        Map<String, String> out = new HashMap<>();
        for (Node n : s.select(snapshot.xdm())) out.put(path(n), value(n));
        return out;
    }

    private static String value(Node n) {
        return n instanceof Attr a ? a.getValue() : Objects.requireNonNullElse(n.getTextContent(), "").trim();
    }

    static String path(Node n) {
        if (n == null || n.getNodeType() == Node.DOCUMENT_NODE) return "";
        if (n instanceof Attr a) return path(a.getOwnerElement()) + "/@{" + a.getNamespaceURI() + "}" + a.getLocalName();
        if (!(n instanceof Element e)) return path(n.getParentNode()) + "/#" + n.getNodeType();
        String step = "{" + e.getNamespaceURI() + "}" + e.getLocalName();
        if (e.hasAttribute("id")) {
            step += "[@id=" + e.getAttribute("id") + "]";
        } else {
            int position = 1;
            for (Node s = e.getPreviousSibling(); s != null; s = s.getPreviousSibling()) {
                if (s instanceof Element p && Objects.equals(p.getNamespaceURI(), e.getNamespaceURI())
                        && Objects.equals(p.getLocalName(), e.getLocalName())) position++;
            }
            step += "[" + position + "]";
        }
        return path(e.getParentNode()) + "/" + step;
    }

    /** The document of what the filters select in the view, as UTF-8 XML. */
    public static byte[] select(List<Filter> filters, Snapshot view) {
        Map<Node, Integer> roots = new IdentityHashMap<>();
        Map<Node, Integer> excluded = new IdentityHashMap<>();
        Element root = view.dom().getDocumentElement();
        for (int i = 0; i < filters.size(); i++) {
            int bit = 1 << i;
            Filter f = filters.get(i);
            if (f.includes().isEmpty()) roots.merge(root, bit, (a, b) -> a | b);
            for (Selection s : f.includes()) {
                for (Node n : s.select(view.xdm())) {
                    Node target = switch (n.getNodeType()) {
                        case Node.ATTRIBUTE_NODE -> null; // its element's ancestors only
                        case Node.ELEMENT_NODE -> n;
                        case Node.DOCUMENT_NODE -> root;
                        default -> n.getParentNode();
                    };
                    if (target != null) roots.merge(target, bit, (a, b) -> a | b);
                    else roots.merge(((Attr) n).getOwnerElement(), 0, (a, b) -> a | b); // a path, nothing more
                }
            }
            for (Selection s : f.excludes()) {
                for (Node n : s.select(view.xdm())) {
                    if (n.getNodeType() == Node.ELEMENT_NODE) excluded.merge(n, bit, (a, b) -> a | b);
                }
            }
        }
        Map<Node, Boolean> leads = new IdentityHashMap<>();
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        write(root, 0, roots, excluded, leads, out, true);
        out.append('\n');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes the element if it is kept or leads to something kept; returns whether anything was written. */
    private static boolean write(Element e, int inherited, Map<Node, Integer> roots, Map<Node, Integer> excluded,
                                 Map<Node, Boolean> leads, StringBuilder out, boolean always) {
        int mask = (inherited | roots.getOrDefault(e, 0)) & ~excluded.getOrDefault(e, 0);
        if (!always && mask == 0 && !leadsToKept(e, roots, excluded, leads)) return false;
        out.append('<').append(e.getTagName());
        for (Attr a : SafeDom.attributes(e)) {
            out.append(' ').append(a.getName()).append("=\"");
            escape(a.getValue(), out, true);
            out.append('"');
        }
        int mark = out.length();
        out.append('>');
        boolean content = false;
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                content |= write(child, mask, roots, excluded, leads, out, false);
            } else if (mask != 0 && c.getNodeType() == Node.TEXT_NODE) {
                escape(c.getNodeValue(), out, false);
                content |= !c.getNodeValue().isEmpty();
            }
        }
        if (content) {
            out.append("</").append(e.getTagName()).append('>');
        } else {
            out.setLength(mark);
            out.append("/>");
        }
        return true;
    }

    /** Whether something below the element is selected (roots and excluded are per document, so memoized). */
    private static boolean leadsToKept(Element e, Map<Node, Integer> roots, Map<Node, Integer> excluded, Map<Node, Boolean> leads) {
        Boolean known = leads.get(e);
        if (known != null) return known;
        boolean found = false;
        for (Node c = e.getFirstChild(); c != null && !found; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                int own = roots.getOrDefault(child, -1);
                found = (own != -1 && (own & ~excluded.getOrDefault(child, 0)) != 0) || own == 0
                        || leadsToKept(child, roots, excluded, leads);
            }
        }
        leads.put(e, found);
        return found;
    }

    private static void escape(String s, StringBuilder out, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> out.append(c);
            }
        }
    }
}
