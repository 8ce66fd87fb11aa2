package org.herald.presence.xcap;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import org.herald.presence.xcap.store.XcapDocument;
import org.herald.presence.xcap.store.XcapDocumentStore;
import org.herald.presence.xml.SafeDom;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The application usages Herald serves, by AUID:
 *
 * <pre>
 *   auid               MIME type                        default namespace (selectors)        root
 *   pres-rules         application/auth-policy+xml      urn:ietf:params:xml:ns:pres-rules    cp:ruleset      RFC 5025 §9
 *   resource-lists     application/resource-lists+xml   urn:ietf:params:xml:ns:resource-lists              RFC 4826 §3.4
 *   rls-services       application/rls-services+xml     urn:ietf:params:xml:ns:rls-services                RFC 4826 §4.4
 *   pidf-manipulation  application/pidf+xml             urn:ietf:params:xml:ns:pidf                        RFC 4827 §4
 *   xcap-caps          application/xcap-caps+xml        urn:ietf:params:xml:ns:xcap-caps     (generated)   RFC 4825 §12
 * </pre>
 */
public final class ApplicationUsages {
    public static final String PRES_RULES = "pres-rules";
    public static final String RESOURCE_LISTS = "resource-lists";
    public static final String RLS_SERVICES = "rls-services";
    public static final String PIDF_MANIPULATION = "pidf-manipulation";
    public static final String XCAP_CAPS = "xcap-caps";

    static final String COMMON_POLICY_NS = "urn:ietf:params:xml:ns:common-policy";
    static final String PRES_RULES_NS = "urn:ietf:params:xml:ns:pres-rules";
    static final String PIDF_NS = "urn:ietf:params:xml:ns:pidf";
    static final String DATA_MODEL_NS = "urn:ietf:params:xml:ns:pidf:data-model";
    static final String XCAP_CAPS_NS = "urn:ietf:params:xml:ns:xcap-caps";

    private final Map<String, ApplicationUsage> byAuid;

    private ApplicationUsages(List<ApplicationUsage> usages) {
        Map<String, ApplicationUsage> map = new LinkedHashMap<>();
        for (ApplicationUsage u : usages) map.put(u.auid(), u);
        this.byAuid = java.util.Collections.unmodifiableMap(map);
    }

    /** The five usages above. */
    public static ApplicationUsages standard() {
        List<ApplicationUsage> usages = new ArrayList<>();
        usages.add(new ApplicationUsage(PRES_RULES, "application/auth-policy+xml", PRES_RULES_NS, "ruleset",
                List.of(COMMON_POLICY_NS, PRES_RULES_NS), "pres-rules.xsd",
                List.of(Uniqueness.amongSiblings(COMMON_POLICY_NS, "rule", "id", true), UsableBy.presRules()), true, true,
                Optional.empty()));
        usages.add(new ApplicationUsage(RESOURCE_LISTS, "application/resource-lists+xml", ResourceListRules.NS,
                "resource-lists", List.of(ResourceListRules.NS), "resource-lists.xsd", ResourceListRules.all(), true, true,
                Optional.empty()));
        usages.add(new ApplicationUsage(RLS_SERVICES, "application/rls-services+xml", RlsServiceRules.NS, "rls-services",
                List.of(RlsServiceRules.NS, ResourceListRules.NS), "rls-services.xsd", RlsServiceRules.all(), true, true,
                Optional.of(ApplicationUsages::rlsIndex)));
        usages.add(new ApplicationUsage(PIDF_MANIPULATION, "application/pidf+xml", PIDF_NS, "presence",
                List.of(PIDF_NS, DATA_MODEL_NS), "pidf.xsd",
                List.of(Uniqueness.inDocument(List.of(new String[] {PIDF_NS, "tuple"}, new String[] {DATA_MODEL_NS, "person"},
                        new String[] {DATA_MODEL_NS, "device"}), "id", true), UsableBy.pidf()), true, true, Optional.empty()));
        List<ApplicationUsage> served = List.copyOf(usages);
        usages.add(new ApplicationUsage(XCAP_CAPS, "application/xcap-caps+xml", XCAP_CAPS_NS, "xcap-caps",
                List.of(XCAP_CAPS_NS), "xcap-caps.xsd", List.of(), false, false,
                Optional.of((store, limits) -> caps(served))));
        return new ApplicationUsages(usages);
    }

    public Optional<ApplicationUsage> find(String auid) {
        return Optional.ofNullable(byAuid.get(auid));
    }

    public List<ApplicationUsage> all() {
        return List.copyOf(byAuid.values());
    }

    /** The xcap-caps document (RFC 4825 §12.2): every AUID, no extensions, every namespace. */
    static byte[] caps(List<ApplicationUsage> usages) {
        Set<String> namespaces = new LinkedHashSet<>();
        namespaces.add(XCAP_CAPS_NS);
        namespaces.add(XcapConflict.NAMESPACE);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xcap-caps xmlns=\"")
                .append(XCAP_CAPS_NS).append("\">\n  <auids>\n");
        xml.append("    <auid>").append(XCAP_CAPS).append("</auid>\n");
        for (ApplicationUsage u : usages) {
            xml.append("    <auid>").append(u.auid()).append("</auid>\n");
            namespaces.addAll(u.namespaces());
        }
        xml.append("  </auids>\n  <extensions/>\n  <namespaces>\n");
        for (String ns : namespaces) xml.append("    <namespace>").append(ns).append("</namespace>\n");
        return xml.append("  </namespaces>\n</xcap-caps>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The rls-services global index (RFC 4826 §4.4.7): every service of every user in one document,
     * each service carrying the namespace declarations it relied on in its own document.
     */
    static byte[] rlsIndex(XcapDocumentStore store, XcapLimits limits) {
        Document index = SafeDom.emptyDocument();
        Element root = index.createElementNS(RlsServiceRules.NS, "rls-services");
        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", RlsServiceRules.NS);
        index.appendChild(root);
        for (XcapDocument d : store.ofApplication(RLS_SERVICES)) {
            if (d.key().isGlobal()) continue;
            Document doc;
            try {
                doc = SafeDom.parse(d.body(), limits.xml());
            } catch (XMLStreamException e) {
                continue;
            }
            for (Node n = doc.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element service) || !"service".equals(service.getLocalName())) continue;
                Element copy = (Element) index.importNode(service, true);
                Namespaces.inScope(service).forEach((prefix, ns) -> {
                    String attr = prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix;
                    if (!copy.hasAttribute(attr)) copy.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, attr, ns);
                });
                root.appendChild(index.createTextNode("\n"));
                root.appendChild(copy);
            }
        }
        root.appendChild(index.createTextNode("\n"));
        return DomWriter.document(index);
    }
}
