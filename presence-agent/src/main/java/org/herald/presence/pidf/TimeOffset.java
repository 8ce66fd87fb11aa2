package org.herald.presence.pidf;

import java.time.Instant;

/**
 * RPID {@code <time-offset>} (RFC 4480 §3.13): minutes from UTC where the person is.
 *
 * @param minutes     east of UTC positive, west negative
 * @param description e.g. a time zone name, for people; or null
 * @param from        when it began, or null
 * @param until       when it ends, or null
 * @param id          the element's {@code id}, or null
 */
public record TimeOffset(int minutes, String description, Instant from, Instant until, String id) implements Timed {

    public static TimeOffset of(int minutes) {
        return new TimeOffset(minutes, null, null, null, null);
    }
}
