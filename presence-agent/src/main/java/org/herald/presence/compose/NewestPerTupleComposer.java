package org.herald.presence.compose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.herald.presence.pidf.Note;
import org.herald.presence.pidf.PresenceDocument;
import org.herald.presence.pidf.Tuple;
import org.herald.presence.xml.XmlFragment;
import org.herald.sip.event.PublishedState;
import org.herald.sip.message.Aor;

/**
 * The default composition: the union of every live publication's tuples, where for a tuple id
 * published more than once the newest publication wins. A client that left an older publication
 * behind saying {@code open} therefore cannot hide a newer {@code closed} with the same id, while two
 * devices publishing different tuple ids both show.
 *
 * <p>Document-level notes and extension elements (RFC 4479 {@code <dm:person>}, {@code <dm:device>},
 * RPID, capabilities) are unioned too, newest publication first, with duplicates dropped: identical
 * notes and fragments appear once, and for elements carrying an {@code id} attribute (persons and
 * devices) the newest publication's element with that id wins, the same rule as for tuples, so the
 * composed document keeps its ids unique and a stale mood does not linger beside a fresh one.
 *
 * <p>Output order: newest publication's items first, each publication's in document order. The
 * entity is the newest publication's {@code entity} if it names the presentity (a {@code pres:} or
 * {@code sip:} URI of the same AOR), else the presentity's {@code sip:} URI.
 */
public final class NewestPerTupleComposer implements Composer {

    private record ElementKey(String namespace, String localName, String id) {}

    @Override
    public PresenceDocument compose(Aor presentity, List<PublishedState> live) {
        List<PublishedState> ordered = oldestFirst(live);
        String entity = null;
        Map<String, Tuple> tuples = new LinkedHashMap<>();
        Set<Note> notes = new LinkedHashSet<>();
        Map<Object, XmlFragment> extensions = new LinkedHashMap<>();
        for (int i = ordered.size() - 1; i >= 0; i--) {
            if (!(ordered.get(i).state() instanceof PresenceState(PresenceDocument document))) continue;
            if (entity == null && names(document.entity(), presentity)) entity = document.entity();
            for (Tuple tuple : document.tuples()) tuples.putIfAbsent(tuple.id(), tuple);
            notes.addAll(document.notes());
            for (XmlFragment fragment : document.extensions()) extensions.putIfAbsent(key(fragment), fragment);
        }
        return new PresenceDocument(entity != null ? entity : presentity.uri(), new ArrayList<>(tuples.values()),
                new ArrayList<>(notes), new ArrayList<>(extensions.values()));
    }

    private static Object key(XmlFragment fragment) {
        return fragment.id() == null ? fragment.xml()
                : new ElementKey(fragment.namespace(), fragment.localName(), fragment.id());
    }

    /** True if the published entity is a URI of the presentity's AOR. */
    static boolean names(String entity, Aor presentity) {
        try {
            return Aor.parse(entity).equals(presentity);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The framework passes publications oldest first; sort only if a caller did not. */
    private static List<PublishedState> oldestFirst(List<PublishedState> live) {
        for (int i = 1; i < live.size(); i++) {
            if (live.get(i - 1).publication().sequence() > live.get(i).publication().sequence()) {
                return live.stream().sorted(Comparator.comparingLong(p -> p.publication().sequence())).toList();
            }
        }
        return live;
    }
}
