package org.herald.presence.privacy;

import java.time.Instant;
import java.util.Optional;
import org.herald.presence.pidf.PidfWriter;
import org.herald.presence.pidf.PresenceDocument;

/**
 * Applies a watcher's {@link Permissions} to the presentity's composed document (RFC 5025 §3.3):
 * <ul>
 *   <li>allow — only the persons, devices and services the provide-persons/-devices/-services sets
 *       select (none of a kind if the set is empty), and within each only the elements
 *       {@link AttributeFilter} lets through; document-level notes under provide-note, other
 *       document-level elements as unknown attributes;
 *   <li>polite-block — {@link PoliteBlock#document}, whatever was published;
 *   <li>block and confirm — such subscriptions get no document (rejected, or pending with an empty
 *       NOTIFY); should one be asked for anyway, the answer is the entity with nothing in it.
 * </ul>
 * Pure and deterministic: equal inputs give equal documents, hence equal bytes.
 */
public final class PresenceFilter {
    private PresenceFilter() {}

    public static PresenceDocument apply(PresenceDocument document, Permissions permissions) {
        return switch (permissions.subHandling()) {
            case ALLOW -> {
                if (permissions.equals(Permissions.ALLOW_ALL)) yield document;
                yield PresenceElements.of(document).rebuild(c -> selection(permissions, c).matches(c),
                        new AttributeFilter(permissions));
            }
            case POLITE_BLOCK -> PoliteBlock.document(document.entity());
            case BLOCK, CONFIRM -> PresenceDocument.empty(document.entity());
        };
    }

    /** {@link #apply}, written as the UTF-8 PIDF body of a NOTIFY. */
    public static byte[] render(PresenceDocument document, Permissions permissions) {
        return PidfWriter.write(apply(document, permissions));
    }

    /**
     * The presentity's current sphere as its published person states it, the input to
     * {@link Authorizer#decide}'s sphere conditions. Read it from the composed, unfiltered document.
     */
    public static Optional<String> currentSphere(PresenceDocument document, Instant now) {
        return PresenceElements.of(document).sphere(now);
    }

    private static Selection selection(Permissions p, Component c) {
        return switch (c.kind()) {
            case PERSON -> p.persons();
            case DEVICE -> p.devices();
            case SERVICE -> p.services();
        };
    }
}
