package org.herald.presence.xcap;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import org.herald.presence.xcap.XcapConflict.Condition;
import org.herald.presence.xcap.XcapConflict.Exists;
import org.herald.presence.xcap.store.XcapDocument;
import org.herald.presence.xml.SafeDom;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * RFC 4826 §4.4.5, the constraints of rls-services documents: a service URI is unique among all
 * services of all users on the server (proposing free alternatives), a {@code <resource-list>} is an
 * absolute HTTP URI of a list in a resource-lists document, and the inline lists follow the
 * resource-lists constraints.
 */
final class RlsServiceRules {
    static final String NS = "urn:ietf:params:xml:ns:rls-services";

    private RlsServiceRules() {}

    static List<DocumentConstraint> all() {
        List<DocumentConstraint> all = new ArrayList<>();
        all.add(RlsServiceRules::serviceUris);
        all.add(RlsServiceRules::resourceLists);
        all.addAll(ResourceListRules.all());
        return all;
    }

    private static Optional<XcapConflict> serviceUris(Document doc, DocumentConstraint.Context context) {
        List<String> mine = uris(doc);
        Set<String> taken = new HashSet<>(mine);
        Set<String> elsewhere = new HashSet<>();
        for (XcapDocument other : context.sameApplication().get()) {
            if (other.key().equals(context.key())) continue;
            try {
                elsewhere.addAll(uris(SafeDom.parse(other.body(), context.limits().xml())));
            } catch (XMLStreamException e) {
                // a stored document always parsed once; one that no longer does holds no URI
            }
        }
        taken.addAll(elsewhere);
        String field = "rls-services/service/@uri";
        List<Exists> exists = new ArrayList<>();
        for (String uri : new java.util.LinkedHashSet<>(mine)) {
            boolean twice = mine.indexOf(uri) != mine.lastIndexOf(uri);
            if (twice || elsewhere.contains(uri)) exists.add(new Exists(field, Uniqueness.free(Uniqueness.suffixed(uri), taken)));
        }
        return Uniqueness.conflict(exists, "a service URI must be unique on the server");
    }

    private static Optional<XcapConflict> resourceLists(Document doc, DocumentConstraint.Context context) {
        for (Element e : Uniqueness.all(doc, NS, "resource-list")) {
            String value = e.getTextContent().trim();
            if (!ResourceListRules.isHttp(value) || !value.contains("/resource-lists/")) {
                return Optional.of(XcapConflict.of(Condition.CONSTRAINT_FAILURE, "resource-list '" + value
                        + "' must be the absolute HTTP URI of a list in a resource-lists document"));
            }
        }
        return Optional.empty();
    }

    private static List<String> uris(Document doc) {
        return Uniqueness.all(doc, NS, "service").stream().filter(s -> s.hasAttribute("uri"))
                .map(s -> s.getAttribute("uri")).toList();
    }
}
