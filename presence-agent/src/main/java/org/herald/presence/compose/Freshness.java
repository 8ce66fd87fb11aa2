package org.herald.presence.compose;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.herald.presence.pidf.Basic;
import org.herald.presence.pidf.Device;
import org.herald.presence.pidf.Person;
import org.herald.presence.pidf.PresenceDocument;
import org.herald.presence.pidf.Status;
import org.herald.presence.pidf.TimedStatus;
import org.herald.presence.pidf.Tuple;
import org.herald.sip.event.PublishedState;

/**
 * What is stale is dropped before any policy composes, so no policy can let old data win:
 * <ul>
 *   <li>RPID elements whose {@code until} has passed, and timed statuses likewise;
 *   <li>a timed status that now covers the present becomes the tuple's status (RFC 4481 §3 allows a
 *       compositor to convert it, or to discard it);
 *   <li>with a {@code maxAge}, tuples, persons and devices whose {@code <timestamp>} is older than that.
 *       Off by default: a client refreshing its publication does not resend its body, so an old
 *       timestamp on a live publication is normal.
 * </ul>
 * Expired publications are not judged here: the publication framework removes them, by its own clock,
 * before it calls the compositor. Judged at composition time: nothing re-composes when an
 * {@code until} passes between publications.
 *
 * @param clock  now
 * @param maxAge the oldest element timestamp kept, or null for no limit
 */
public record Freshness(InstantSource clock, Duration maxAge) {

    public Freshness {
        Objects.requireNonNull(clock, "clock");
        if (maxAge != null && maxAge.isNegative()) throw new IllegalArgumentException("maxAge must not be negative");
    }

    /** Ended values dropped, timestamps not judged. */
    public static Freshness at(InstantSource clock) {
        return new Freshness(clock, null);
    }

    /** The live presence publications, oldest first, each with only what still holds. */
    List<Contribution> contributions(List<PublishedState> live) {
        Instant now = clock.instant();
        List<PublishedState> presence = new ArrayList<>();
        for (PublishedState p : live) {
            if (p.state() instanceof PresenceState) presence.add(p);
        }
        presence.sort(Comparator.comparingLong(p -> p.publication().sequence()));
        List<Contribution> out = new ArrayList<>(presence.size());
        for (PublishedState p : presence) {
            out.add(new Contribution(p.publication(), fresh(((PresenceState) p.state()).document(), now), out.size()));
        }
        return out;
    }

    /** The document as it holds at {@code now}. */
    public PresenceDocument fresh(PresenceDocument d, Instant now) {
        Instant oldest = maxAge == null ? null : now.minus(maxAge);
        List<Tuple> tuples = new ArrayList<>(d.tuples().size());
        for (Tuple t : d.tuples()) {
            if (!tooOld(t.timestamp(), oldest)) tuples.add(tuple(t, now));
        }
        List<Person> persons = new ArrayList<>(d.persons().size());
        for (Person p : d.persons()) {
            if (!tooOld(p.timestamp(), oldest)) persons.add(p.withRpid(p.rpid().retain(e -> !e.endedBy(now))));
        }
        List<Device> devices = new ArrayList<>(d.devices().size());
        for (Device v : d.devices()) {
            if (!tooOld(v.timestamp(), oldest)) devices.add(v.withRpid(v.rpid().retain(e -> !e.endedBy(now))));
        }
        return d.withTuples(tuples).withPersons(persons).withDevices(devices);
    }

    private static boolean tooOld(Instant timestamp, Instant oldest) {
        return oldest != null && timestamp != null && timestamp.isBefore(oldest);
    }

    private static Tuple tuple(Tuple t, Instant now) {
        Tuple out = t.withRpid(t.rpid().retain(e -> !e.endedBy(now)));
        if (t.timedStatuses().isEmpty()) return out;
        List<TimedStatus> later = new ArrayList<>();
        Basic current = null;
        for (TimedStatus s : t.timedStatuses()) {
            if (s.holdsAt(now)) {
                if (s.basic() != null) current = s.basic();
            } else if (!s.endedBy(now)) {
                later.add(s);
            }
        }
        out = out.withTimedStatuses(later);
        return current == null ? out : out.withStatus(new Status(current, t.status().extensions()));
    }
}
