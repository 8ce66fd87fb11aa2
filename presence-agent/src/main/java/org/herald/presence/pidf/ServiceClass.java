package org.herald.presence.pidf;

import java.util.List;
import org.herald.presence.xml.XmlFragment;

/**
 * RPID {@code <service-class>} (RFC 4480 §3.10): how the tuple's service is delivered; electronic if
 * absent. Exactly one value, an RFC 4480 one or extensions of another namespace. Untimed.
 *
 * @param kind       an RFC 4480 value, or null when extensions give it
 * @param extensions values of other namespaces, verbatim
 * @param notes      {@code <note>}s
 */
public record ServiceClass(Kind kind, List<XmlFragment> extensions, List<Note> notes) {

    public enum Kind {
        COURIER, ELECTRONIC, FREIGHT, IN_PERSON, POSTAL, UNKNOWN;
        private static final Tokens<Kind> TOKENS = Tokens.hyphenated(values());

        public String token() {
            return TOKENS.token(this);
        }

        public static Kind parse(String token) {
            return TOKENS.parse(token);
        }
    }

    public ServiceClass {
        extensions = List.copyOf(extensions);
        notes = List.copyOf(notes);
        if ((kind == null) == extensions.isEmpty()) {
            throw new IllegalArgumentException("<service-class> needs exactly one value");
        }
    }

    public static ServiceClass of(Kind kind) {
        return new ServiceClass(kind, List.of(), List.of());
    }
}
