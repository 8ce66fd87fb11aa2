package org.herald.presence.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code <validity>} condition (RFC 4745 §7.4): true while the current time lies in one of its
 * {@code <from>}/{@code <until>} intervals, from inclusive, until exclusive. The times carry a zone
 * (erratum 1455 made it mandatory), so they are instants.
 *
 * @param intervals the pairs, in document order
 */
public record Validity(List<Interval> intervals) {

    public Validity {
        intervals = List.copyOf(intervals);
    }

    /** One {@code <from>}/{@code <until>} pair. */
    public record Interval(Instant from, Instant until) {
        public Interval {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
        }

        public boolean contains(Instant now) {
            return !now.isBefore(from) && now.isBefore(until);
        }
    }

    public boolean contains(Instant now) {
        for (Interval i : intervals) if (i.contains(now)) return true;
        return false;
    }

    /** The first interval boundary after {@code now}: when this condition may next change value. */
    public Optional<Instant> nextChange(Instant now) {
        Instant next = null;
        for (Interval i : intervals) {
            for (Instant t : new Instant[] {i.from(), i.until()}) {
                if (t.isAfter(now) && (next == null || t.isBefore(next))) next = t;
            }
        }
        return Optional.ofNullable(next);
    }
}
