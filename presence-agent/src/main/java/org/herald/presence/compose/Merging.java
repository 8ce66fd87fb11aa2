package org.herald.presence.compose;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.herald.presence.pidf.Cipid;
import org.herald.presence.pidf.Device;
import org.herald.presence.pidf.Person;
import org.herald.presence.pidf.Rpid;
import org.herald.presence.pidf.Tuple;
import org.herald.presence.xml.XmlFragment;

/**
 * Several occurrences of one service, device or person made into one, child element by child element:
 * for each kind of child, the newest occurrence that has it gives it, whole (all its notes, all its
 * activities elements). The id is the newest occurrence's; device IDs of a service are united. Each
 * list given here is newest first and not empty.
 */
final class Merging {
    private Merging() {}

    private record Name(String namespace, String localName) {}

    static Tuple tuples(List<Tuple> newestFirst) {
        Tuple newest = newestFirst.get(0);
        if (newestFirst.size() == 1) return newest;
        Set<String> deviceIds = new LinkedHashSet<>();
        for (Tuple t : newestFirst) deviceIds.addAll(t.deviceIds());
        return new Tuple(newest.id(), newest.status(), first(newestFirst, Tuple::contact),
                firstNonEmpty(newestFirst, Tuple::notes), first(newestFirst, Tuple::timestamp),
                fragments(newestFirst, Tuple::extensions), new ArrayList<>(deviceIds),
                rpid(newestFirst.stream().map(Tuple::rpid).toList()), cipid(newestFirst.stream().map(Tuple::cipid).toList()),
                firstNonEmpty(newestFirst, Tuple::timedStatuses));
    }

    static Person persons(List<Person> newestFirst) {
        Person newest = newestFirst.get(0);
        if (newestFirst.size() == 1) return newest;
        return new Person(newest.id(), rpid(newestFirst.stream().map(Person::rpid).toList()),
                cipid(newestFirst.stream().map(Person::cipid).toList()), fragments(newestFirst, Person::extensions),
                firstNonEmpty(newestFirst, Person::notes), first(newestFirst, Person::timestamp));
    }

    static Device devices(List<Device> newestFirst) {
        Device newest = newestFirst.get(0);
        if (newestFirst.size() == 1) return newest;
        return new Device(newest.id(), newest.deviceId(), rpid(newestFirst.stream().map(Device::rpid).toList()),
                cipid(newestFirst.stream().map(Device::cipid).toList()), fragments(newestFirst, Device::extensions),
                firstNonEmpty(newestFirst, Device::notes), first(newestFirst, Device::timestamp));
    }

    static Rpid rpid(List<Rpid> newestFirst) {
        return new Rpid(firstNonEmpty(newestFirst, Rpid::activities), first(newestFirst, Rpid::classValue),
                firstNonEmpty(newestFirst, Rpid::moods), firstNonEmpty(newestFirst, Rpid::placeIs),
                firstNonEmpty(newestFirst, Rpid::placeTypes), firstNonEmpty(newestFirst, Rpid::privacy),
                first(newestFirst, Rpid::relationship), first(newestFirst, Rpid::serviceClass),
                firstNonEmpty(newestFirst, Rpid::spheres), firstNonEmpty(newestFirst, Rpid::statusIcons),
                firstNonEmpty(newestFirst, Rpid::timeOffsets), first(newestFirst, Rpid::userInput));
    }

    static Cipid cipid(List<Cipid> newestFirst) {
        return new Cipid(first(newestFirst, Cipid::card), firstNonEmpty(newestFirst, Cipid::displayNames),
                first(newestFirst, Cipid::homepage), first(newestFirst, Cipid::icon), first(newestFirst, Cipid::map),
                first(newestFirst, Cipid::sound));
    }

    /** Fragments by element name: every fragment of a name comes from the newest occurrence having that name. */
    static <T> List<XmlFragment> fragments(List<T> newestFirst, Function<T, List<XmlFragment>> of) {
        List<XmlFragment> out = new ArrayList<>();
        Set<Name> taken = new HashSet<>();
        for (T t : newestFirst) {
            Set<Name> here = new HashSet<>();
            for (XmlFragment f : of.apply(t)) {
                Name name = new Name(f.namespace(), f.localName());
                if (!taken.contains(name)) {
                    out.add(f);
                    here.add(name);
                }
            }
            taken.addAll(here);
        }
        return out;
    }

    private static <T, V> V first(List<T> newestFirst, Function<T, V> of) {
        for (T t : newestFirst) {
            V v = of.apply(t);
            if (v != null) return v;
        }
        return null;
    }

    private static <T, V> List<V> firstNonEmpty(List<T> newestFirst, Function<T, List<V>> of) {
        for (T t : newestFirst) {
            List<V> v = of.apply(t);
            if (!v.isEmpty()) return v;
        }
        return List.of();
    }
}
