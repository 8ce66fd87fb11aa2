package org.herald.presence.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.herald.presence.pidf.Cipid;
import org.herald.presence.pidf.Device;
import org.herald.presence.pidf.Note;
import org.herald.presence.pidf.Person;
import org.herald.presence.pidf.PresenceDocument;
import org.herald.presence.pidf.Rpid;
import org.herald.presence.pidf.Sphere;
import org.herald.presence.pidf.Status;
import org.herald.presence.pidf.TimedStatus;
import org.herald.presence.pidf.Tuple;
import org.herald.presence.pidf.UserInput;
import org.herald.presence.xml.XmlFragment;

/**
 * {@link PresenceElements} over the typed PIDF model: tuples, RFC 4479 persons and devices, their
 * RPID and CIPID values, and the extension fragments that ride along. Every element goes through
 * {@link AttributeFilter} by its XML name, so the table there is the one place that says what a
 * permission shows.
 */
final class ModelElements implements PresenceElements {
    private final PresenceDocument document;

    ModelElements(PresenceDocument document) {
        this.document = document;
    }

    @Override
    public List<Component> components() {
        List<Component> all = new ArrayList<>();
        for (Tuple t : document.tuples()) all.add(service(t));
        for (Person p : document.persons()) all.add(person(p));
        for (Device d : document.devices()) all.add(device(d));
        return all;
    }

    @Override
    public Optional<String> sphere(Instant now) {
        String found = null;
        for (Person p : document.persons()) {
            for (Sphere s : p.rpid().spheres()) {
                if (!current(s.from(), s.until(), now) || s.name() == null || s.name().isBlank()) continue;
                if (found != null && !found.equalsIgnoreCase(s.name())) return Optional.empty(); // persons disagree
                found = s.name();
            }
        }
        return Optional.ofNullable(found);
    }

    @Override
    public PresenceDocument rebuild(Predicate<Component> keep, AttributeFilter filter) {
        List<Tuple> tuples = new ArrayList<>();
        for (Tuple t : document.tuples()) if (keep.test(service(t))) tuples.add(tuple(t, filter));
        List<Person> persons = new ArrayList<>();
        for (Person p : document.persons()) {
            if (keep.test(person(p))) {
                persons.add(new Person(p.id(), rpid(p.rpid(), filter, Component.Kind.PERSON),
                        cipid(p.cipid(), filter, Component.Kind.PERSON), fragments(p.extensions(), filter, Component.Kind.PERSON),
                        notes(p.notes(), Namespaces.DATA_MODEL, filter, Component.Kind.PERSON), p.timestamp()));
            }
        }
        List<Device> devices = new ArrayList<>();
        for (Device d : document.devices()) {
            if (keep.test(device(d))) {
                devices.add(new Device(d.id(), d.deviceId(), rpid(d.rpid(), filter, Component.Kind.DEVICE),
                        cipid(d.cipid(), filter, Component.Kind.DEVICE), fragments(d.extensions(), filter, Component.Kind.DEVICE),
                        notes(d.notes(), Namespaces.DATA_MODEL, filter, Component.Kind.DEVICE), d.timestamp()));
            }
        }
        return new PresenceDocument(document.entity(), tuples, notes(document.notes(), Namespaces.PIDF, filter, null),
                fragments(document.extensions(), filter, null), persons, devices);
    }

    private static Component service(Tuple t) {
        return new Component(Component.Kind.SERVICE, t.id(), classes(t.rpid()), List.of(),
                t.contact() == null ? null : t.contact().uri());
    }

    private static Component person(Person p) {
        return new Component(Component.Kind.PERSON, p.id(), classes(p.rpid()), List.of(), null);
    }

    private static Component device(Device d) {
        return new Component(Component.Kind.DEVICE, d.id(), classes(d.rpid()),
                d.deviceId() == null ? List.of() : List.of(d.deviceId()), null);
    }

    private static List<String> classes(Rpid rpid) {
        return rpid.classValue() == null ? List.of() : List.of(rpid.classValue().strip());
    }

    private static Tuple tuple(Tuple t, AttributeFilter filter) {
        Component.Kind in = Component.Kind.SERVICE;
        Status status = new Status(t.status().basic(), fragments(t.status().extensions(), filter, in));
        boolean deviceIds = filter.verdict(Namespaces.DATA_MODEL, "deviceID", in) == AttributeFilter.Verdict.KEEP;
        boolean timed = filter.verdict(TimedStatus.NAMESPACE, "timed-status", in) == AttributeFilter.Verdict.KEEP;
        return new Tuple(t.id(), status, t.contact(), notes(t.notes(), Namespaces.PIDF, filter, in), t.timestamp(),
                fragments(t.extensions(), filter, in), deviceIds ? t.deviceIds() : List.of(), rpid(t.rpid(), filter, in),
                cipid(t.cipid(), filter, in), timed ? t.timedStatuses() : List.of());
    }

    private static Rpid rpid(Rpid r, AttributeFilter f, Component.Kind in) {
        if (r.isEmpty()) return r;
        return new Rpid(
                shown(f, "activities", in) ? r.activities() : List.of(),
                shown(f, "class", in) ? r.classValue() : null,
                shown(f, "mood", in) ? r.moods() : List.of(),
                shown(f, "place-is", in) ? r.placeIs() : List.of(),
                shown(f, "place-type", in) ? r.placeTypes() : List.of(),
                shown(f, "privacy", in) ? r.privacy() : List.of(),
                shown(f, "relationship", in) ? r.relationship() : null,
                shown(f, "service-class", in) ? r.serviceClass() : null,
                shown(f, "sphere", in) ? r.spheres() : List.of(),
                shown(f, "status-icon", in) ? r.statusIcons() : List.of(),
                shown(f, "time-offset", in) ? r.timeOffsets() : List.of(),
                userInput(r.userInput(), f, in));
    }

    private static UserInput userInput(UserInput u, AttributeFilter f, Component.Kind in) {
        if (u == null) return null;
        return switch (f.verdict(Rpid.NAMESPACE, "user-input", in)) {
            case KEEP -> u;
            case DROP -> null;
            case TRIM_USER_INPUT -> new UserInput(u.state(),
                    f.hidesUserInputAttribute("idle-threshold") ? null : u.idleThreshold(),
                    f.hidesUserInputAttribute("last-input") ? null : u.lastInput(), u.id());
        };
    }

    /** CIPID values (RFC 4482) are unknown attributes to RFC 5025, each shown by its element name. */
    private static Cipid cipid(Cipid c, AttributeFilter f, Component.Kind in) {
        if (c == null) return null;
        return new Cipid(
                shownCipid(f, "card", in) ? c.card() : null,
                shownCipid(f, "display-name", in) ? c.displayNames() : List.of(),
                shownCipid(f, "homepage", in) ? c.homepage() : null,
                shownCipid(f, "icon", in) ? c.icon() : null,
                shownCipid(f, "map", in) ? c.map() : null,
                shownCipid(f, "sound", in) ? c.sound() : null);
    }

    private static boolean shown(AttributeFilter f, String rpidElement, Component.Kind in) {
        return f.verdict(Rpid.NAMESPACE, rpidElement, in) == AttributeFilter.Verdict.KEEP;
    }

    private static boolean shownCipid(AttributeFilter f, String element, Component.Kind in) {
        return f.verdict(Cipid.NAMESPACE, element, in) == AttributeFilter.Verdict.KEEP;
    }

    private static List<Note> notes(List<Note> notes, String namespace, AttributeFilter f, Component.Kind in) {
        return notes.isEmpty() || f.verdict(namespace, "note", in) == AttributeFilter.Verdict.KEEP ? notes : List.of();
    }

    private static List<XmlFragment> fragments(List<XmlFragment> in, AttributeFilter filter, Component.Kind kind) {
        List<XmlFragment> out = new ArrayList<>(in.size());
        for (XmlFragment f : in) {
            switch (filter.verdict(f.namespace(), f.localName(), kind)) {
                case KEEP -> out.add(f);
                case DROP -> { }
                case TRIM_USER_INPUT -> out.add(FragmentTree.parse(f).withoutAttributes(
                        a -> a.namespace().isEmpty() && filter.hidesUserInputAttribute(a.localName())).fragment());
            }
        }
        return out;
    }

    /** An RPID value's {@code from}/{@code until} (RFC 4480 §3.2). */
    private static boolean current(Instant from, Instant until, Instant now) {
        return (from == null || !now.isBefore(from)) && (until == null || now.isBefore(until));
    }
}
