package org.herald.presence.pidf;

import java.time.Instant;
import java.util.List;
import org.herald.presence.xml.XmlFragment;

/**
 * RPID {@code <activities>} (RFC 4480 §3.2): what the person is doing, possibly several things at once.
 * The enumeration is open, as the RFC makes it: free text arrives as {@code <other>} and values from
 * other namespaces as extensions, and both are kept. {@code UNKNOWN} stands alone; an empty element is
 * allowed, as the schema's optional {@code <unknown>} makes it.
 *
 * @param values     RFC 4480 values, in document order
 * @param others     {@code <other>} texts
 * @param extensions activity elements of other namespaces, verbatim
 * @param notes      {@code <note>}s about the activities
 * @param from       when they began, or null
 * @param until      when they end, or null
 * @param id         the element's {@code id}, or null
 */
public record Activities(List<Activity> values, List<Note> others, List<XmlFragment> extensions, List<Note> notes,
                         Instant from, Instant until, String id) implements Timed {

    /** The values of RFC 4480 §3.2. {@code LUNCH} is described there but missing from the §5 schema; it is accepted. */
    public enum Activity {
        APPOINTMENT, AWAY, BREAKFAST, BUSY, DINNER, HOLIDAY, IN_TRANSIT, LOOKING_FOR_WORK, LUNCH, MEAL, MEETING,
        ON_THE_PHONE, PERFORMANCE, PERMANENT_ABSENCE, PLAYING, PRESENTATION, SHOPPING, SLEEPING, SPECTATOR,
        STEERING, TRAVEL, TV, VACATION, WORKING, WORSHIP, UNKNOWN;

        private static final Tokens<Activity> TOKENS = Tokens.hyphenated(values());

        /** The element name, e.g. {@code on-the-phone}. */
        public String token() {
            return TOKENS.token(this);
        }

        /** The activity named so, or null. */
        public static Activity parse(String token) {
            return TOKENS.parse(token);
        }
    }

    public Activities {
        values = List.copyOf(values);
        others = List.copyOf(others);
        extensions = List.copyOf(extensions);
        notes = List.copyOf(notes);
        if (values.contains(Activity.UNKNOWN) && (values.size() > 1 || !others.isEmpty() || !extensions.isEmpty())) {
            throw new IllegalArgumentException("<unknown> activity cannot be combined with others");
        }
    }

    /** Activities with no notes, for no particular time. */
    public static Activities of(Activity... values) {
        return new Activities(List.of(values), List.of(), List.of(), List.of(), null, null, null);
    }

    public boolean has(Activity activity) {
        return values.contains(activity);
    }

    public Activities withNotes(List<Note> next) {
        return new Activities(values, others, extensions, next, from, until, id);
    }

    public Activities withTime(Instant nextFrom, Instant nextUntil) {
        return new Activities(values, others, extensions, notes, nextFrom, nextUntil, id);
    }
}
