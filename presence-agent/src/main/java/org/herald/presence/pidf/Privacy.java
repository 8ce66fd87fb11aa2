package org.herald.presence.pidf;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.herald.presence.xml.XmlFragment;

/**
 * RPID {@code <privacy>} (RFC 4480 §3.8): which media third parties near the person are unlikely to
 * overhear. {@code UNKNOWN} stands alone; each medium appears once, in any order (the RFC's own example
 * puts text before audio, against its schema's sequence).
 *
 * @param media      the private media
 * @param extensions media of other namespaces, verbatim
 * @param notes      {@code <note>}s
 * @param from       when it began, or null
 * @param until      when it ends, or null
 * @param id         the element's {@code id}, or null
 */
public record Privacy(List<Medium> media, List<XmlFragment> extensions, List<Note> notes, Instant from, Instant until,
                      String id) implements Timed {

    public enum Medium {
        AUDIO, TEXT, VIDEO, UNKNOWN;
        private static final Tokens<Medium> TOKENS = Tokens.hyphenated(values());

        public String token() {
            return TOKENS.token(this);
        }

        public static Medium parse(String token) {
            return TOKENS.parse(token);
        }
    }

    public Privacy {
        media = List.copyOf(media);
        extensions = List.copyOf(extensions);
        notes = List.copyOf(notes);
        Set<Medium> seen = EnumSet.noneOf(Medium.class);
        for (Medium m : media) {
            if (!seen.add(m)) throw new IllegalArgumentException("<privacy> names <" + m.token() + "> twice");
        }
        if (seen.contains(Medium.UNKNOWN) && (media.size() > 1 || !extensions.isEmpty())) {
            throw new IllegalArgumentException("<unknown> privacy cannot be combined with media");
        }
    }

    public Privacy withNotes(List<Note> next) {
        return new Privacy(media, extensions, next, from, until, id);
    }
}
