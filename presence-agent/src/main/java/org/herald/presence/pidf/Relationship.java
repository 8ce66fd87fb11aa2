package org.herald.presence.pidf;

import java.util.List;
import org.herald.presence.xml.XmlFragment;

/**
 * RPID {@code <relationship>} (RFC 4480 §3.9): for a tuple reaching someone other than the presentity,
 * who that is. At most one of value, {@code <other>} and extensions; an empty element is allowed by the
 * schema (its {@code <other>} is optional) and means the default, {@code self}. Neither timed nor
 * identified: the schema gives it no attributes.
 *
 * @param relation   an RFC 4480 value, or null
 * @param other      {@code <other>}, or null
 * @param extensions values of other namespaces, verbatim
 * @param notes      {@code <note>}s
 */
public record Relationship(Relation relation, Note other, List<XmlFragment> extensions, List<Note> notes) {

    public enum Relation {
        ASSISTANT, ASSOCIATE, FAMILY, FRIEND, SELF, SUPERVISOR, UNKNOWN;
        private static final Tokens<Relation> TOKENS = Tokens.hyphenated(values());

        public String token() {
            return TOKENS.token(this);
        }

        public static Relation parse(String token) {
            return TOKENS.parse(token);
        }
    }

    public Relationship {
        extensions = List.copyOf(extensions);
        notes = List.copyOf(notes);
        int given = (relation != null ? 1 : 0) + (other != null ? 1 : 0) + (extensions.isEmpty() ? 0 : 1);
        if (given > 1) throw new IllegalArgumentException("<relationship> has more than one value");
    }

    public static Relationship of(Relation relation) {
        return new Relationship(relation, null, List.of(), List.of());
    }
}
