package org.herald.presence.rls;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.xml.stream.XMLStreamException;
import org.herald.presence.filter.FilterException;
import org.herald.presence.filter.Selection;
import org.herald.presence.filter.XPaths;
import org.herald.presence.xcap.XcapUri;
import org.herald.presence.xcap.store.DocumentKey;
import org.herald.presence.xml.SafeDom;
import org.herald.presence.xml.XmlLimits;
import org.herald.sip.message.Aor;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The list services users defined in their rls-services documents (RFC 4826 §4), by URI. A service
 * lists its members inline ({@code <list>} of resource-lists entries, nested lists flattened) or
 * names a list in a resource-lists document ({@code <resource-list>}, an XCAP URI whose node selector
 * picks the list); services for other packages than presence are left out. Rebuilt whole when a
 * user's rls-services or resource-lists document changes.
 */
public final class ServiceDirectory {
    static final String RLS_NS = "urn:ietf:params:xml:ns:rls-services";
    static final String RL_NS = "urn:ietf:params:xml:ns:resource-lists";
    private static final int MAX_MEMBERS = 500;

    private volatile Map<Aor, ListService> services = Map.of();

    public Optional<ListService> find(Aor uri) {
        return Optional.ofNullable(services.get(uri));
    }

    public Set<Aor> uris() {
        return services.keySet();
    }

    /**
     * Reads every user's rls-services document.
     *
     * @param documents     each user's XUI with the document's bytes
     * @param resourceLists a resource-lists document by key, to resolve {@code <resource-list>} references
     */
    public void reload(Map<String, byte[]> documents, Function<DocumentKey, Optional<byte[]>> resourceLists, XmlLimits limits) {
        Map<Aor, ListService> next = new HashMap<>();
        documents.forEach((xui, body) -> {
            for (ListService s : read(xui, body, resourceLists, limits)) next.putIfAbsent(s.uri(), s);
        });
        services = Map.copyOf(next);
    }

    static List<ListService> read(String xui, byte[] body, Function<DocumentKey, Optional<byte[]>> lists, XmlLimits limits) {
        List<ListService> out = new ArrayList<>();
        Document doc;
        Aor owner;
        try {
            doc = SafeDom.parse(body, limits);
            owner = Aor.parse(xui);
        } catch (XMLStreamException | RuntimeException e) {
            return out;
        }
        for (Element service : children(doc.getDocumentElement(), RLS_NS, "service")) {
            if (!presence(service)) continue;
            Set<Aor> members = new LinkedHashSet<>();
            for (Element list : children(service, RLS_NS, "list")) entries(list, members);
            for (Element ref : children(service, RLS_NS, "resource-list")) referenced(ref.getTextContent().trim(), lists, limits, members);
            try {
                out.add(new ListService(Aor.parse(service.getAttribute("uri")), owner, List.copyOf(members)));
            } catch (RuntimeException e) {
                // a service URI that is not a SIP URI cannot be subscribed to
            }
        }
        return out;
    }

    private static boolean presence(Element service) {
        List<Element> packages = children(service, RLS_NS, "packages");
        if (packages.isEmpty()) return true;
        for (Element p : children(packages.get(0), RLS_NS, "package")) {
            if (p.getTextContent().trim().equals("presence")) return true;
        }
        return false;
    }

    /** The entries of a list and of the lists nested in it. */
    private static void entries(Element list, Set<Aor> members) {
        for (Node n = list.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e) || members.size() >= MAX_MEMBERS) continue;
            if (e.getLocalName().equals("entry") && e.hasAttribute("uri")) {
                try {
                    members.add(Aor.parse(e.getAttribute("uri")));
                } catch (RuntimeException ex) {
                    // not a SIP URI: no presence to fetch
                }
            } else if (e.getLocalName().equals("list")) {
                entries(e, members);
            }
        }
    }

    /** A list in a resource-lists document named by an XCAP URI (RFC 4826 §4.4.1). */
    private static void referenced(String uri, Function<DocumentKey, Optional<byte[]>> lists, XmlLimits limits, Set<Aor> members) {
        int root = uri.indexOf("/resource-lists/");
        if (root < 0) return;
        try {
            String path = uri.substring(root);
            int query = path.indexOf('?');
            XcapUri xcap = query < 0 ? XcapUri.parse(path, null) : XcapUri.parse(path.substring(0, query), path.substring(query + 1));
            Optional<byte[]> body = lists.apply(xcap.document());
            if (body.isEmpty()) return;
            Document doc = SafeDom.parse(body.get(), limits);
            if (xcap.nodeSelector().isEmpty()) {
                for (Element l : children(doc.getDocumentElement(), RL_NS, "list")) entries(l, members);
                return;
            }
            Map<String, String> ns = new HashMap<>(xcap.namespaces());
            ns.put("", RL_NS);
            Selection s = XPaths.compile("/" + xcap.nodeSelector().get(), ns);
            for (Node n : s.select(XPaths.wrap(doc))) {
                if (n instanceof Element e) entries(e, members);
            }
        } catch (XMLStreamException | FilterException | RuntimeException e) {
            // an unresolvable reference contributes no member
        }
    }

    private static List<Element> children(Element e, String ns, String local) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && ns.equals(c.getNamespaceURI()) && local.equals(c.getLocalName())) out.add(c);
        }
        return out;
    }
}
