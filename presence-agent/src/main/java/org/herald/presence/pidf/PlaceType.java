package org.herald.presence.pidf;

import java.time.Instant;
import java.util.List;
import org.herald.presence.xml.XmlFragment;

/**
 * RPID {@code <place-type>} (RFC 4480 §3.7): the kind of place the person is in. Its values come from
 * other namespaces, normally RFC 4589 location types such as {@code <lt:residence/>}, and are kept
 * verbatim; free text goes in {@code <other>}. Exactly one of the two is present.
 *
 * @param other {@code <other>}, or null
 * @param types place types of other namespaces, verbatim
 * @param notes {@code <note>}s
 * @param from  when it began, or null
 * @param until when it ends, or null
 * @param id    the element's {@code id}, or null
 */
public record PlaceType(Note other, List<XmlFragment> types, List<Note> notes, Instant from, Instant until, String id)
        implements Timed {

    /** The RFC 4589 namespace. */
    public static final String LOCATION_TYPES = "urn:ietf:params:xml:ns:location-type";

    public PlaceType {
        types = List.copyOf(types);
        notes = List.copyOf(notes);
        if ((other == null) == types.isEmpty()) {
            throw new IllegalArgumentException("<place-type> needs either one <other> or place types of another namespace");
        }
    }

    /** The RFC 4589 location types among the values, e.g. {@code residence}. */
    public List<String> locationTypes() {
        return types.stream().filter(f -> f.namespace().equals(LOCATION_TYPES)).map(XmlFragment::localName).toList();
    }

    public PlaceType withNotes(List<Note> next) {
        return new PlaceType(other, types, next, from, until, id);
    }
}
