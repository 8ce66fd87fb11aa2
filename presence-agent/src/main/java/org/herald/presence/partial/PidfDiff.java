package org.herald.presence.partial;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.herald.presence.xml.SafeDom;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The difference between two presence documents as RFC 5261 patch operations, for RFC 5262 partial
 * notifications. Herald diffs at the granularity of the document's children that carry an
 * {@code id} (tuples, persons, devices): a changed one is replaced whole, a new one added at the end,
 * a gone one removed. Anything else that changed (the root's attributes, notes, extensions without an
 * id) cannot be said that way: the diff is empty-handed and the watcher gets full state.
 */
public final class PidfDiff {
    private PidfDiff() {}

    /** One patch operation; {@code sel} is relative to the document's root, RFC 5262 style ({@code *}/…). */
    public sealed interface Op {
        record Add(Element element) implements Op {}

        record Replace(String sel, Element element) implements Op {}

        record Remove(String sel) implements Op {}
    }

    /** The operations turning {@code before} into {@code after}, or empty when only full state can say it. */
    public static Optional<List<Op>> between(Document before, Document after) {
        Element a = before.getDocumentElement();
        Element b = after.getDocumentElement();
        if (!Objects.equals(a.getNamespaceURI(), b.getNamespaceURI()) || !a.getLocalName().equals(b.getLocalName())
                || !sameAttributes(a, b)) {
            return Optional.empty();
        }
        Map<String, Element> old = new LinkedHashMap<>();
        Map<String, Element> now = new LinkedHashMap<>();
        List<Element> oldOthers = new ArrayList<>();
        List<Element> nowOthers = new ArrayList<>();
        index(a, old, oldOthers);
        index(b, now, nowOthers);
        if (oldOthers.size() != nowOthers.size()) return Optional.empty();
        for (int i = 0; i < oldOthers.size(); i++) {
            if (!oldOthers.get(i).isEqualNode(nowOthers.get(i))) return Optional.empty();
        }
        List<Op> ops = new ArrayList<>();
        for (var e : old.entrySet()) {
            if (!now.containsKey(e.getKey())) ops.add(new Op.Remove(sel(e.getValue())));
        }
        for (var e : now.entrySet()) {
            Element was = old.get(e.getKey());
            if (was == null) ops.add(new Op.Add(e.getValue()));
            else if (!was.isEqualNode(e.getValue())) ops.add(new Op.Replace(sel(was), e.getValue()));
        }
        return Optional.of(ops);
    }

    /** Children with an id by kind and id; the others in order. */
    private static void index(Element root, Map<String, Element> byId, List<Element> others) {
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) continue;
            if (e.hasAttribute("id") && byId.putIfAbsent("{" + e.getNamespaceURI() + "}" + e.getLocalName() + "#" + e.getAttribute("id"), e) == null) {
                continue;
            }
            others.add(e);
        }
    }

    /** {@code *}/prefix:name[@id="…"], with the prefix the element was written with (declared on the root). */
    private static String sel(Element e) {
        String id = e.getAttribute("id");
        String quoted = id.contains("\"") ? "'" + id + "'" : "\"" + id + "\"";
        return "*/" + e.getTagName() + "[@id=" + quoted + "]";
    }

    private static boolean sameAttributes(Element a, Element b) {
        List<Attr> x = SafeDom.attributes(a);
        List<Attr> y = SafeDom.attributes(b);
        if (x.size() != y.size()) return false;
        for (Attr attr : x) {
            if (!attr.getValue().equals(b.getAttribute(attr.getName()))) return false;
        }
        return true;
    }
}
