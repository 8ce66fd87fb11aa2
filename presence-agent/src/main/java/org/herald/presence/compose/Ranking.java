package org.herald.presence.compose;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.herald.presence.pidf.Device;
import org.herald.presence.pidf.Person;
import org.herald.presence.pidf.PresenceDocument;
import org.herald.presence.pidf.Rpid;
import org.herald.presence.pidf.Tuple;
import org.herald.presence.pidf.UserInput;

/**
 * Which of a presentity's publications is preferred, made once per composition so that a rule can
 * look at every publication first. The comparator puts the preferred publication last (greatest).
 */
@FunctionalInterface
interface Ranking {

    Comparator<Contribution> over(List<Contribution> contributions);

    /** The newest publication, by the framework's sequence. */
    Ranking NEWEST = all -> Comparator.comparingInt(Contribution::order);

    /** The first ranking entry a publication's source names match; unmatched last; then newest. */
    static Ranking sources(List<String> ranking, PublicationSource source) {
        return all -> {
            int[] rank = new int[all.size()];
            for (Contribution c : all) {
                rank[c.order()] = rank(ranking, source.names(c.publication(), c.document()));
            }
            return Comparator.<Contribution>comparingInt(c -> -rank[c.order()]).thenComparingInt(Contribution::order);
        };
    }

    private static int rank(List<String> ranking, List<String> names) {
        for (int i = 0; i < ranking.size(); i++) {
            String entry = ranking.get(i);
            boolean prefix = entry.endsWith("*");
            String stem = prefix ? entry.substring(0, entry.length() - 1) : entry;
            for (String name : names) {
                if (prefix ? name.startsWith(stem) : name.equals(stem)) return i;
            }
        }
        return ranking.size();
    }

    /** The latest user input a publication reports (RFC 4480 §3.14); publications reporting none last; then newest. */
    Ranking DEVICE_ACTIVITY = all -> {
        Instant[] last = new Instant[all.size()];
        for (Contribution c : all) last[c.order()] = lastInput(c);
        return Comparator.<Contribution, Instant>comparing(c -> last[c.order()], Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingInt(Contribution::order);
    };

    /**
     * Active counts as the moment the publication was made, idle as its {@code last-input}; idle without
     * one as the epoch (known idle, since an unknown time).
     */
    private static Instant lastInput(Contribution c) {
        PresenceDocument d = c.document();
        Instant latest = null;
        for (Tuple t : d.tuples()) latest = later(latest, input(t.rpid(), c));
        for (Person p : d.persons()) latest = later(latest, input(p.rpid(), c));
        for (Device v : d.devices()) latest = later(latest, input(v.rpid(), c));
        return latest;
    }

    private static Instant input(Rpid rpid, Contribution c) {
        UserInput u = rpid.userInput();
        if (u == null) return null;
        if (u.state() == UserInput.State.ACTIVE) return c.publication().modifiedAt();
        return u.lastInput() != null ? u.lastInput() : Instant.EPOCH;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }
}
