package org.herald.presence.filter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import org.herald.presence.xml.SafeDom;
import org.herald.presence.xml.XmlLimits;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads an RFC 4661 filter set and compiles its XPath expressions once:
 *
 * <pre>
 * &lt;filter-set xmlns="urn:ietf:params:xml:ns:simple-filter" package="presence"&gt;
 *   &lt;ns-bindings&gt;&lt;ns-binding prefix="pidf" urn="urn:ietf:params:xml:ns:pidf"/&gt;&lt;/ns-bindings&gt;
 *   &lt;filter id="1" [uri="sip:…"] [enabled="false"] [remove="true"]&gt;
 *     &lt;what&gt;&lt;include type="xpath"&gt;…&lt;/include&gt;&lt;exclude&gt;…&lt;/exclude&gt;&lt;/what&gt;
 *     &lt;trigger&gt;&lt;changed from="…" to="…" by="…"&gt;…&lt;/changed&gt;&lt;added&gt;…&lt;/added&gt;&lt;removed&gt;…&lt;/removed&gt;&lt;/trigger&gt;
 *   &lt;/filter&gt;
 * &lt;/filter-set&gt;
 * </pre>
 *
 * Prefixes come from {@code ns-bindings} and from the namespace declarations in scope where the
 * expression is written. A filter with {@code remove="true"} or {@code enabled="false"} is dropped: a
 * refresh's filter set replaces the whole previous one. Limits: {@link #MAX_BYTES} of XML,
 * {@link #MAX_FILTERS} filters, {@link #MAX_EXPRESSIONS} expressions.
 */
public final class FilterParser {
    public static final int MAX_BYTES = 16 * 1024;
    public static final int MAX_FILTERS = 16;
    public static final int MAX_EXPRESSIONS = 64;
    private static final XmlLimits LIMITS = XmlLimits.ofMaxBytes(MAX_BYTES).withMaxDepth(8).withMaxElements(512);

    private final String eventPackage;

    /** @param eventPackage the package this notifier filters (a filter-set naming another is refused) */
    public FilterParser(String eventPackage) {
        this.eventPackage = eventPackage;
    }

    public FilterSet parse(byte[] body) throws FilterException {
        if (body.length > MAX_BYTES) throw new FilterException(FilterException.Kind.UNSUPPORTED, "a filter larger than " + MAX_BYTES + " bytes");
        Document doc;
        try {
            doc = SafeDom.parse(body, LIMITS);
        } catch (XMLStreamException | RuntimeException e) {
            throw new FilterException(FilterException.Kind.MALFORMED, "not a well-formed filter: " + e.getMessage());
        }
        Element root = doc.getDocumentElement();
        if (!is(root, "filter-set")) throw new FilterException(FilterException.Kind.MALFORMED, "the root is not a filter-set");
        String pkg = root.getAttribute("package");
        if (!pkg.isEmpty() && !pkg.equals(eventPackage)) {
            throw new FilterException(FilterException.Kind.UNSUPPORTED, "a filter for the " + pkg + " package");
        }
        Map<String, String> bindings = new HashMap<>();
        List<Filter> filters = new ArrayList<>();
        int[] expressions = {0};
        for (Element child : children(root)) {
            if (is(child, "ns-bindings")) {
                for (Element b : children(child)) {
                    if (!is(b, "ns-binding") || b.getAttribute("urn").isEmpty()) {
                        throw new FilterException(FilterException.Kind.MALFORMED, "a bad ns-binding");
                    }
                    bindings.put(b.getAttribute("prefix"), b.getAttribute("urn"));
                }
            }
        }
        for (Element child : children(root)) {
            if (!is(child, "filter")) continue;
            if (filters.size() >= MAX_FILTERS) throw new FilterException(FilterException.Kind.UNSUPPORTED, "more than " + MAX_FILTERS + " filters");
            if ("true".equals(child.getAttribute("remove")) || "false".equals(child.getAttribute("enabled"))) continue;
            filters.add(filter(child, bindings, expressions));
        }
        return new FilterSet(filters);
    }

    private Filter filter(Element e, Map<String, String> bindings, int[] count) throws FilterException {
        String id = e.getAttribute("id");
        if (id.isEmpty()) throw new FilterException(FilterException.Kind.MALFORMED, "a filter without id");
        String uri = e.getAttribute("uri").isEmpty() ? null : e.getAttribute("uri");
        List<Selection> includes = new ArrayList<>();
        List<Selection> excludes = new ArrayList<>();
        List<List<Condition>> triggers = new ArrayList<>();
        for (Element part : children(e)) {
            if (is(part, "what")) {
                for (Element w : children(part)) {
                    String type = w.getAttribute("type");
                    if (!type.isEmpty() && !type.equals("xpath")) {
                        throw new FilterException(FilterException.Kind.UNSUPPORTED, "a selection of type " + type);
                    }
                    if (is(w, "include")) includes.add(compile(w, bindings, count));
                    else if (is(w, "exclude")) excludes.add(compile(w, bindings, count));
                    else throw new FilterException(FilterException.Kind.MALFORMED, "unknown " + w.getLocalName() + " in what");
                }
            } else if (is(part, "trigger")) {
                List<Condition> conditions = new ArrayList<>();
                for (Element t : children(part)) {
                    Selection s = compile(t, bindings, count);
                    switch (t.getLocalName()) {
                        case "changed" -> conditions.add(new Condition.Changed(s, attr(t, "from"), attr(t, "to"), by(t)));
                        case "added" -> conditions.add(new Condition.Added(s));
                        case "removed" -> conditions.add(new Condition.Removed(s));
                        default -> throw new FilterException(FilterException.Kind.MALFORMED, "unknown " + t.getLocalName() + " in trigger");
                    }
                }
                if (conditions.isEmpty()) throw new FilterException(FilterException.Kind.MALFORMED, "an empty trigger");
                triggers.add(conditions);
            } else {
                throw new FilterException(FilterException.Kind.UNSUPPORTED, "an unknown filter part " + part.getLocalName());
            }
        }
        return new Filter(id, uri, includes, excludes, triggers);
    }

    private static Selection compile(Element e, Map<String, String> bindings, int[] count) throws FilterException {
        if (++count[0] > MAX_EXPRESSIONS) throw new FilterException(FilterException.Kind.UNSUPPORTED, "more than " + MAX_EXPRESSIONS + " expressions");
        Map<String, String> namespaces = inScope(e);
        namespaces.putAll(bindings);
        namespaces.remove(""); // an unprefixed name in XPath 1.0 is in no namespace
        return XPaths.compile(e.getTextContent(), namespaces);
    }

    /** The prefixes declared on the element and its ancestors, nearest first. */
    private static Map<String, String> inScope(Element e) {
        Map<String, String> out = new HashMap<>();
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            for (Attr a : SafeDom.attributes(el)) {
                if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI()) && a.getName().startsWith("xmlns:")) {
                    out.putIfAbsent(a.getName().substring(6), a.getValue());
                }
            }
        }
        return out;
    }

    private static Double by(Element t) throws FilterException {
        String by = attr(t, "by");
        if (by == null) return null;
        try {
            return Double.parseDouble(by);
        } catch (NumberFormatException ex) {
            throw new FilterException(FilterException.Kind.MALFORMED, "by is not a number: " + by);
        }
    }

    private static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    private static boolean is(Element e, String local) {
        return FilterSet.NS.equals(e.getNamespaceURI()) && local.equals(e.getLocalName());
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el) out.add(el);
        }
        return out;
    }
}
