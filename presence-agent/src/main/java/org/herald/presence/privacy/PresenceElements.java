package org.herald.presence.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.herald.presence.pidf.PresenceDocument;

/**
 * A presence document as privacy filtering sees it: its persons, devices and services, what rules can
 * select them by, and a way to rebuild it with less. Filtering goes through this and nothing else, so
 * that a richer document model changes one implementation, not the rules: {@link ModelElements}.
 */
interface PresenceElements {

    static PresenceElements of(PresenceDocument document) {
        return new ModelElements(document);
    }

    /** Every person, device and service, in document order within each kind. */
    List<Component> components();

    /**
     * The presentity's current sphere (RFC 4480 {@code <sphere>} of its person), for the sphere
     * condition (RFC 5025 §3.1.2): empty if no person states one, if the one stated is outside its
     * {@code from}/{@code until}, or if persons disagree.
     */
    Optional<String> sphere(Instant now);

    /**
     * The document with only the components {@code keep} accepts, each with only the elements
     * {@code filter} lets through; document-level notes and other elements filtered the same way.
     */
    PresenceDocument rebuild(Predicate<Component> keep, AttributeFilter filter);
}
