package org.herald.presence.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.herald.presence.pidf.Note;
import org.herald.presence.pidf.PresenceDocument;
import org.herald.presence.xml.XmlFragment;
import org.herald.sip.message.Aor;

/**
 * The parts of a document every policy composes alike: the entity, document notes and document-level
 * extensions. Notes and extensions are united, the preferred publication's first, identical ones once;
 * an extension with an {@code id} attribute is taken from the preferred publication only, so ids stay
 * unique. The entity is the preferred publication's if it names the presentity (a {@code pres:} or
 * {@code sip:} URI of the same AOR), else the presentity's {@code sip:} URI.
 */
final class DocumentLevel {
    private DocumentLevel() {}

    private record ElementKey(String namespace, String localName, String id) {}

    /** A document with the entity, notes and extensions of {@code preferredFirst}, and nothing else yet. */
    static PresenceDocument of(Aor presentity, List<Contribution> preferredFirst) {
        String entity = null;
        Set<Note> notes = new LinkedHashSet<>();
        Map<Object, XmlFragment> extensions = new LinkedHashMap<>();
        for (Contribution c : preferredFirst) {
            PresenceDocument d = c.document();
            if (entity == null && names(d.entity(), presentity)) entity = d.entity();
            notes.addAll(d.notes());
            for (XmlFragment f : d.extensions()) extensions.putIfAbsent(key(f), f);
        }
        return new PresenceDocument(entity != null ? entity : presentity.uri(), List.of(), new ArrayList<>(notes),
                new ArrayList<>(extensions.values()), List.of(), List.of());
    }

    private static Object key(XmlFragment f) {
        return f.id() == null ? f.xml() : new ElementKey(f.namespace(), f.localName(), f.id());
    }

    /** True if the published entity is a URI of the presentity's AOR. */
    static boolean names(String entity, Aor presentity) {
        try {
            return Aor.parse(entity).equals(presentity);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
