package org.herald.presence.xcap;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import org.herald.presence.xcap.XcapConflict.Condition;
import org.w3c.dom.Element;

/**
 * RFC 4826 §3.4.5, the constraints of resource-lists documents (and of the lists inside
 * rls-services, which use the same elements): within one parent, list names, entry URIs, entry-ref
 * refs and external anchors are unique; an entry-ref is a relative path below the XCAP root to a
 * resource-lists element, an external anchor an absolute HTTP URI.
 */
final class ResourceListRules {
    static final String NS = "urn:ietf:params:xml:ns:resource-lists";

    private ResourceListRules() {}

    static List<DocumentConstraint> all() {
        return List.of(
                Uniqueness.amongSiblings(NS, "list", "name", true),
                Uniqueness.amongSiblings(NS, "entry", "uri", false),
                Uniqueness.amongSiblings(NS, "entry-ref", "ref", false),
                Uniqueness.amongSiblings(NS, "external", "anchor", false),
                ResourceListRules::references);
    }

    private static Optional<XcapConflict> references(org.w3c.dom.Document doc, DocumentConstraint.Context context) {
        for (Element ref : Uniqueness.all(doc, NS, "entry-ref")) {
            String value = ref.getAttribute("ref");
            URI uri = uri(value);
            if (uri == null || uri.isAbsolute() || value.startsWith("/") || !value.startsWith("resource-lists/")) {
                return Optional.of(XcapConflict.of(Condition.CONSTRAINT_FAILURE, "entry-ref ref '" + value
                        + "' must be a path relative to the XCAP root, starting with resource-lists/"));
            }
        }
        for (Element external : Uniqueness.all(doc, NS, "external")) {
            if (!external.hasAttribute("anchor")) continue;
            String value = external.getAttribute("anchor");
            if (!isHttp(value)) {
                return Optional.of(XcapConflict.of(Condition.CONSTRAINT_FAILURE, "external anchor '" + value
                        + "' must be an absolute HTTP URI of a list"));
            }
        }
        return Optional.empty();
    }

    static boolean isHttp(String value) {
        URI uri = uri(value);
        return uri != null && uri.isAbsolute() && uri.getHost() != null
                && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
    }

    private static URI uri(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
