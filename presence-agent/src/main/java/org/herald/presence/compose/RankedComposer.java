package org.herald.presence.compose;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.herald.presence.pidf.Device;
import org.herald.presence.pidf.Person;
import org.herald.presence.pidf.PresenceDocument;
import org.herald.presence.pidf.Tuple;
import org.herald.sip.event.PublishedState;
import org.herald.sip.message.Aor;

/**
 * The policies that pick one occurrence where publications describe the same thing: union, overriding
 * and the rule-based ones. Each element (tuple, person, device) competes with the others of its id,
 * the winner chosen by a {@link Ranking} of publications or, for {@link CompositionPolicy.ByTimestamp},
 * by the element's own {@code <timestamp>} first. Union compares ids within a kind and keeps every
 * person; the others compare ids across kinds, as RFC 4479 §3.5 scopes them, and keep one person.
 *
 * <p>Output order: winners preferred first, each publication's in document order; document notes and
 * extensions by {@link DocumentLevel}, preferred publication first. One pass over the publications,
 * then a sort of the winners: a composition costs O(n log n) in the elements published.
 */
public final class RankedComposer implements Composer {
    private final Freshness freshness;
    private final Ranking ranking;
    private final boolean byTimestamp;
    private final boolean resolving;

    private RankedComposer(Freshness freshness, Ranking ranking, boolean byTimestamp, boolean resolving) {
        this.freshness = freshness;
        this.ranking = ranking;
        this.byTimestamp = byTimestamp;
        this.resolving = resolving;
    }

    /** {@link CompositionPolicy.Union}. */
    public static RankedComposer union(Freshness freshness) {
        return new RankedComposer(freshness, Ranking.NEWEST, false, false);
    }

    /** {@link CompositionPolicy.Overriding}. */
    public static RankedComposer overriding(Freshness freshness) {
        return new RankedComposer(freshness, Ranking.NEWEST, false, true);
    }

    /** {@link CompositionPolicy.ByTimestamp}. */
    public static RankedComposer byTimestamp(Freshness freshness) {
        return new RankedComposer(freshness, Ranking.NEWEST, true, true);
    }

    /** {@link CompositionPolicy.BySourcePriority}. */
    public static RankedComposer bySourcePriority(Freshness freshness, List<String> ranking, PublicationSource source) {
        return new RankedComposer(freshness, Ranking.sources(List.copyOf(ranking), source), false, true);
    }

    /** {@link CompositionPolicy.ByDeviceActivity}. */
    public static RankedComposer byDeviceActivity(Freshness freshness) {
        return new RankedComposer(freshness, Ranking.DEVICE_ACTIVITY, false, true);
    }

    /** An element competing for its id; position is its place among all published elements. */
    private record Candidate(Object element, String id, Instant changed, Contribution from, int position) {}

    private record KindKey(Class<?> kind, String id) {}

    @Override
    public PresenceDocument compose(Aor presentity, List<PublishedState> live) {
        List<Contribution> contributions = freshness.contributions(live);
        Comparator<Contribution> preference = ranking.over(contributions);
        Comparator<Candidate> wins = byTimestamp
                ? Comparator.comparing(Candidate::changed).thenComparing(Candidate::from, preference)
                : Comparator.comparing(Candidate::from, preference);
        List<Candidate> all = new ArrayList<>();
        for (Contribution c : contributions) {
            PresenceDocument d = c.document();
            for (Tuple t : d.tuples()) all.add(new Candidate(t, t.id(), changed(t.timestamp(), c), c, all.size()));
            for (Person p : d.persons()) all.add(new Candidate(p, p.id(), changed(p.timestamp(), c), c, all.size()));
            for (Device v : d.devices()) all.add(new Candidate(v, v.id(), changed(v.timestamp(), c), c, all.size()));
        }
        Map<Object, Candidate> best = new HashMap<>();
        for (Candidate c : all) best.merge(key(c), c, (held, next) -> wins.compare(next, held) > 0 ? next : held);
        List<Candidate> sorted = new ArrayList<>();
        for (Candidate c : all) {
            if (best.get(key(c)).from().order() == c.from().order()) sorted.add(c);
        }
        sorted.sort(wins.reversed().thenComparingInt(Candidate::position));
        List<Tuple> tuples = new ArrayList<>();
        List<Person> persons = new ArrayList<>();
        List<Device> devices = new ArrayList<>();
        for (Candidate w : sorted) {
            switch (w.element()) {
                case Tuple t -> tuples.add(t);
                case Person p -> {
                    if (!resolving || persons.isEmpty()) persons.add(p);
                }
                case Device v -> devices.add(v);
                default -> throw new IllegalStateException("not an occurrence: " + w.element());
            }
        }
        List<Contribution> preferredFirst = new ArrayList<>(contributions);
        preferredFirst.sort(preference.reversed());
        return DocumentLevel.of(presentity, preferredFirst).withTuples(tuples).withPersons(persons).withDevices(devices);
    }

    /**
     * What an element competes for: its id, or its kind and id for union. Elements of different kinds
     * sharing an id in one publication stand together: only another publication can displace them.
     */
    private Object key(Candidate c) {
        return resolving ? c.id() : new KindKey(c.element().getClass(), c.id());
    }

    /** When an element counts as changed: its timestamp, else when its publication last changed. */
    private static Instant changed(Instant timestamp, Contribution c) {
        return timestamp != null ? timestamp : c.publication().modifiedAt();
    }
}
