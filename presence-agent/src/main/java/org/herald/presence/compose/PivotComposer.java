package org.herald.presence.compose;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.herald.presence.pidf.Device;
import org.herald.presence.pidf.Person;
import org.herald.presence.pidf.PresenceDocument;
import org.herald.presence.pidf.Tuple;
import org.herald.sip.event.PublishedState;
import org.herald.sip.message.Aor;

/**
 * {@link CompositionPolicy.Merge}: occurrences of the same thing become one (see {@link Merging}).
 * Tuples are the same service if they share the pivot (contact URI or a device ID) or an id, directly
 * or through another tuple; devices if they share a device ID or an id; all persons are one person.
 * Output order: each merged element where its newest occurrence would stand, newest publication
 * first, each in document order.
 */
public final class PivotComposer implements Composer {
    private final Freshness freshness;
    private final CompositionPolicy.Pivot pivot;

    public PivotComposer(Freshness freshness, CompositionPolicy.Pivot pivot) {
        this.freshness = freshness;
        this.pivot = pivot;
    }

    @Override
    public PresenceDocument compose(Aor presentity, List<PublishedState> live) {
        List<Contribution> newestFirst = new ArrayList<>(freshness.contributions(live));
        newestFirst.sort(Ranking.NEWEST.over(newestFirst).reversed());
        List<Tuple> tuples = new ArrayList<>();
        List<Person> persons = new ArrayList<>();
        List<Device> devices = new ArrayList<>();
        for (Contribution c : newestFirst) {
            tuples.addAll(c.document().tuples());
            persons.addAll(c.document().persons());
            devices.addAll(c.document().devices());
        }
        List<Tuple> mergedTuples = groups(tuples, this::keys).stream().map(Merging::tuples).toList();
        List<Device> mergedDevices = groups(devices, d -> List.of("id:" + d.id(), "device:" + d.deviceId()))
                .stream().map(Merging::devices).toList();
        List<Person> mergedPersons = persons.isEmpty() ? List.of() : List.of(Merging.persons(persons));
        return DocumentLevel.of(presentity, newestFirst).withTuples(mergedTuples).withPersons(mergedPersons)
                .withDevices(mergedDevices);
    }

    private List<String> keys(Tuple t) {
        List<String> keys = new ArrayList<>();
        keys.add("id:" + t.id());
        if (pivot == CompositionPolicy.Pivot.CONTACT) {
            if (t.contact() != null) keys.add("contact:" + t.contact().uri());
        } else {
            for (String deviceId : t.deviceIds()) keys.add("device:" + deviceId);
        }
        return keys;
    }

    /** The items sharing a key, transitively (union-find), each group in the items' order, groups by first item. */
    static <T> List<List<T>> groups(List<T> items, Function<T, List<String>> keys) {
        int[] parent = new int[items.size()];
        for (int i = 0; i < parent.length; i++) parent[i] = i;
        Map<String, Integer> owner = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            for (String key : keys.apply(items.get(i))) {
                Integer j = owner.putIfAbsent(key, i);
                if (j != null) union(parent, i, j);
            }
        }
        Map<Integer, List<T>> byRoot = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            int root = find(parent, i);
            byRoot.computeIfAbsent(root, r -> new ArrayList<>()).add(items.get(i));
        }
        return new ArrayList<>(byRoot.values());
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Joins the sets of i and j under the smaller root, so a group's root is its first item. */
    private static void union(int[] parent, int i, int j) {
        int a = find(parent, i);
        int b = find(parent, j);
        if (a != b) parent[Math.max(a, b)] = Math.min(a, b);
    }
}
