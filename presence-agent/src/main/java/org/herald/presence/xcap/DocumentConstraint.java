package org.herald.presence.xcap;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.herald.presence.xcap.store.DocumentKey;
import org.herald.presence.xcap.store.XcapDocument;
import org.w3c.dom.Document;

/**
 * A rule of an application usage that the schema cannot express (RFC 4825 §5.4, §8.2.5): a
 * uniqueness constraint ({@code uniqueness-failure}) or another data constraint
 * ({@code constraint-failure}). Checked on the document a PUT or DELETE would produce.
 */
@FunctionalInterface
public interface DocumentConstraint {

    /** What the constraint sees besides the document. */
    record Context(DocumentKey key, Supplier<List<XcapDocument>> sameApplication, XcapLimits limits) {}

    /** The conflict, or empty when the document meets the constraint. */
    Optional<XcapConflict> check(Document document, Context context);
}
