package org.herald.presence.pidf;

import java.time.Instant;
import java.util.List;
import org.herald.presence.xml.XmlFragment;

/**
 * RPID {@code <place-is>} (RFC 4480 §3.6): how suitable the person's surroundings are for audio, video
 * and text. §3.6 says the list "can be augmented by ... additional IANA-registered values" although the
 * §5 schema has no place for them; elements of other namespaces are therefore accepted and kept.
 *
 * @param audio      {@code <audio>}, or null
 * @param video      {@code <video>}, or null
 * @param text       {@code <text>}, or null
 * @param extensions elements of other namespaces, verbatim
 * @param notes      {@code <note>}s
 * @param from       when it began, or null
 * @param until      when it ends, or null
 * @param id         the element's {@code id}, or null
 */
public record PlaceIs(Audio audio, Video video, Text text, List<XmlFragment> extensions, List<Note> notes,
                      Instant from, Instant until, String id) implements Timed {

    public enum Audio {
        NOISY, OK, QUIET, UNKNOWN;
        private static final Tokens<Audio> TOKENS = Tokens.hyphenated(values());

        public String token() {
            return TOKENS.token(this);
        }

        public static Audio parse(String token) {
            return TOKENS.parse(token);
        }
    }

    public enum Video {
        TOOBRIGHT, OK, DARK, UNKNOWN;
        private static final Tokens<Video> TOKENS = Tokens.hyphenated(values());

        public String token() {
            return TOKENS.token(this);
        }

        public static Video parse(String token) {
            return TOKENS.parse(token);
        }
    }

    public enum Text {
        UNCOMFORTABLE, INAPPROPRIATE, OK, UNKNOWN;
        private static final Tokens<Text> TOKENS = Tokens.hyphenated(values());

        public String token() {
            return TOKENS.token(this);
        }

        public static Text parse(String token) {
            return TOKENS.parse(token);
        }
    }

    public PlaceIs {
        extensions = List.copyOf(extensions);
        notes = List.copyOf(notes);
    }

    public PlaceIs withNotes(List<Note> next) {
        return new PlaceIs(audio, video, text, extensions, next, from, until, id);
    }
}
