package org.herald.presence.xcap;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.herald.presence.xcap.XcapConflict.Condition;
import org.herald.presence.xcap.store.XcapDocumentStore;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * An XCAP application usage (RFC 4825 §5): its AUID, MIME type, the namespace unprefixed names in
 * node selectors expand into, the root element and schema its documents must have, the constraints
 * the schema cannot express, and how it behaves.
 *
 * @param namespaces   every namespace the usage's documents use, for xcap-caps
 * @param schema       the bundled schema file, e.g. {@code pres-rules.xsd}; null for none
 * @param writable     whether clients write it (xcap-caps is generated)
 * @param notifies     whether a change of a user's document is told to the {@link XcapChangeListener}
 * @param globalIndex  the generated read-only {@code global/index} document, if the usage has one
 */
public record ApplicationUsage(String auid, String mimeType, String defaultNamespace, String rootElement,
                               List<String> namespaces, String schema, List<DocumentConstraint> constraints,
                               boolean writable, boolean notifies, Optional<GlobalIndex> globalIndex) {

    /** Builds the usage's generated global document from what is stored. */
    @FunctionalInterface
    public interface GlobalIndex {
        byte[] build(XcapDocumentStore store, XcapLimits limits);
    }

    public ApplicationUsage {
        Objects.requireNonNull(auid);
        namespaces = List.copyOf(namespaces);
        constraints = List.copyOf(constraints);
    }

    /**
     * Checks a document the request would produce: uniqueness constraints first (their answer proposes
     * values the client can use, where the schema's {@code xs:ID} check would only say "duplicate"),
     * then the root element and the schema, then the other constraints. Throws the 409.
     */
    public void validate(Document doc, DocumentConstraint.Context context) {
        List<XcapConflict> found = constraints.stream().map(c -> c.check(doc, context)).flatMap(Optional::stream).toList();
        Optional<XcapConflict> notUnique = found.stream().filter(c -> c.condition() == Condition.UNIQUENESS_FAILURE).findFirst();
        if (notUnique.isPresent()) throw XcapException.conflict(notUnique.get());
        Element root = doc.getDocumentElement();
        if (root == null || !rootNamespace().equals(root.getNamespaceURI()) || !rootElement.equals(root.getLocalName())) {
            throw XcapException.conflict(Condition.SCHEMA_VALIDATION_ERROR, "the root element of a " + auid
                    + " document is <" + rootElement + "> in " + rootNamespace());
        }
        if (schema != null) {
            Schemas.validate(schema, doc).ifPresent(phrase -> {
                throw XcapException.conflict(Condition.SCHEMA_VALIDATION_ERROR, phrase);
            });
        }
        if (!found.isEmpty()) throw XcapException.conflict(found.get(0));
    }

    /** The root element's namespace: the first of {@link #namespaces}. */
    public String rootNamespace() {
        return namespaces.get(0);
    }

    @Override
    public String toString() {
        return auid;
    }
}
