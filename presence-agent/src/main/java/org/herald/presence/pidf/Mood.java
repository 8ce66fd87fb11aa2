package org.herald.presence.pidf;

import java.time.Instant;
import java.util.List;
import org.herald.presence.xml.XmlFragment;

/**
 * RPID {@code <mood>} (RFC 4480 §3.5), open like {@link Activities}: {@code <other>} texts and moods
 * of other namespaces are kept. One value at least is required, and {@code UNKNOWN} stands alone.
 *
 * @param values     RFC 4480 moods, in document order
 * @param others     {@code <other>} texts
 * @param extensions mood elements of other namespaces, verbatim
 * @param notes      {@code <note>}s, e.g. the reason for the mood
 * @param from       when it began, or null
 * @param until      when it ends, or null
 * @param id         the element's {@code id}, or null
 */
public record Mood(List<Feeling> values, List<Note> others, List<XmlFragment> extensions, List<Note> notes,
                   Instant from, Instant until, String id) implements Timed {

    /** The moods of RFC 4480 §3.5, spelled with underscores as there ({@code in_awe}). */
    public enum Feeling {
        AFRAID, AMAZED, ANGRY, ANNOYED, ANXIOUS, ASHAMED, BORED, BRAVE, CALM, COLD, CONFUSED, CONTENTED, CRANKY,
        CURIOUS, DEPRESSED, DISAPPOINTED, DISGUSTED, DISTRACTED, EMBARRASSED, EXCITED, FLIRTATIOUS, FRUSTRATED,
        GRUMPY, GUILTY, HAPPY, HOT, HUMBLED, HUMILIATED, HUNGRY, HURT, IMPRESSED, IN_AWE, IN_LOVE, INDIGNANT,
        INTERESTED, INVINCIBLE, JEALOUS, LONELY, MEAN, MOODY, NERVOUS, NEUTRAL, OFFENDED, PLAYFUL, PROUD, RELIEVED,
        REMORSEFUL, RESTLESS, SAD, SARCASTIC, SERIOUS, SHOCKED, SHY, SICK, SLEEPY, STRESSED, SURPRISED, THIRSTY,
        WORRIED, UNKNOWN;

        private static final Tokens<Feeling> TOKENS = Tokens.underscored(values());

        public String token() {
            return TOKENS.token(this);
        }

        /** The mood named so, or null. */
        public static Feeling parse(String token) {
            return TOKENS.parse(token);
        }
    }

    public Mood {
        values = List.copyOf(values);
        others = List.copyOf(others);
        extensions = List.copyOf(extensions);
        notes = List.copyOf(notes);
        if (values.isEmpty() && others.isEmpty() && extensions.isEmpty()) {
            throw new IllegalArgumentException("<mood> needs a value");
        }
        if (values.contains(Feeling.UNKNOWN) && (values.size() > 1 || !others.isEmpty() || !extensions.isEmpty())) {
            throw new IllegalArgumentException("<unknown> mood cannot be combined with others");
        }
    }

    public static Mood of(Feeling... values) {
        return new Mood(List.of(values), List.of(), List.of(), List.of(), null, null, null);
    }

    public boolean has(Feeling feeling) {
        return values.contains(feeling);
    }

    public Mood withNotes(List<Note> next) {
        return new Mood(values, others, extensions, next, from, until, id);
    }
}
