package org.herald.presence.pidf;

import java.util.List;
import java.util.Objects;
import org.herald.presence.xml.XmlFragment;

/**
 * A PIDF presence document (RFC 3863), immutable. Only what composition and the presence package
 * reason about is modelled; everything else (RPID, RFC 4479 person and device, capabilities,
 * location) rides along as {@link XmlFragment}s.
 *
 * @param entity     the presentity's URI, {@code pres:} or {@code sip:}
 * @param tuples     in document order, ids unique
 * @param notes      document-level notes
 * @param extensions document-level elements from other namespaces, e.g. {@code <dm:person>}
 */
public record PresenceDocument(String entity, List<Tuple> tuples, List<Note> notes, List<XmlFragment> extensions) {

    /** The PIDF namespace (RFC 3863). */
    public static final String NAMESPACE = "urn:ietf:params:xml:ns:pidf";

    public PresenceDocument {
        Objects.requireNonNull(entity, "entity");
        tuples = List.copyOf(tuples);
        notes = List.copyOf(notes);
        extensions = List.copyOf(extensions);
    }

    /** A document saying nothing about the presentity: no tuples, notes or extensions. */
    public static PresenceDocument empty(String entity) {
        return new PresenceDocument(entity, List.of(), List.of(), List.of());
    }

    public PresenceDocument withTuples(List<Tuple> next) {
        return new PresenceDocument(entity, next, notes, extensions);
    }
}
