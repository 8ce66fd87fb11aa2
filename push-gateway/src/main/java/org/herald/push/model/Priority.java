package org.herald.push.model;

import java.util.Locale;
import java.util.Optional;

/** How urgent a message is (RFC 8030 §5.3 Urgency); the backlog goes out most urgent first. */
public enum Priority {
    HIGH("high"), NORMAL("normal"), LOW("low"), VERY_LOW("very-low");

    private final String urgency;

    Priority(String urgency) {
        this.urgency = urgency;
    }

    public String urgency() {
        return urgency;
    }

    /** The RFC 8030 Urgency header value. */
    public static Optional<Priority> ofUrgency(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (Priority p : values()) if (p.urgency.equals(v)) return Optional.of(p);
        return Optional.empty();
    }

    /** The Notification Server protocol's number: 1 is the highest, 4 the lowest. */
    public static Optional<Priority> ofNumber(int n) {
        return n >= 1 && n <= 4 ? Optional.of(values()[n - 1]) : Optional.empty();
    }

    public int number() {
        return ordinal() + 1;
    }
}
