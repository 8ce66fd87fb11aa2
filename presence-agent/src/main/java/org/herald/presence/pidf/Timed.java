package org.herald.presence.pidf;

import java.time.Instant;

/**
 * An element that may say when it holds: RPID's {@code from}/{@code until} (RFC 4480 §3.1) and
 * RFC 4481's {@code <timed-status>}. Composition drops what ended before now, so watchers are not told
 * about yesterday's meeting.
 */
public sealed interface Timed
        permits Activities, Mood, PlaceIs, PlaceType, Privacy, Sphere, StatusIcon, TimeOffset, TimedStatus {

    /** When the value began to hold, or null if the publisher did not say. */
    Instant from();

    /** When it stops holding, or null if the publisher did not say. */
    Instant until();

    /** True once {@code until} has come: the element then describes the past. */
    default boolean endedBy(Instant now) {
        Instant until = until();
        return until != null && !until.isAfter(now);
    }

    /** True if {@code now} lies in {@code [from, until)}, an open end holding forever. */
    default boolean holdsAt(Instant now) {
        Instant from = from();
        return (from == null || !from.isAfter(now)) && !endedBy(now);
    }
}
