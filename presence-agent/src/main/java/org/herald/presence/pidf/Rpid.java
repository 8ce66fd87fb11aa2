package org.herald.presence.pidf;

import java.util.List;
import java.util.function.Predicate;

/**
 * The RPID values (RFC 4480) of one person, tuple or device. Elements that may carry from/until can
 * repeat, for different times (§3.1), and are lists; the others appear at most once (§5) and are single
 * values. Table 1 of the RFC says which element belongs to which component; the schema allows each
 * anywhere, and so does this model, so a client that puts activities on a tuple loses nothing.
 *
 * @param activities   {@code <activities>}
 * @param classValue   {@code <class>}, whitespace-collapsed, or null
 * @param moods        {@code <mood>}
 * @param placeIs      {@code <place-is>}
 * @param placeTypes   {@code <place-type>}
 * @param privacy      {@code <privacy>}
 * @param relationship {@code <relationship>}, or null
 * @param serviceClass {@code <service-class>}, or null
 * @param spheres      {@code <sphere>}
 * @param statusIcons  {@code <status-icon>}
 * @param timeOffsets  {@code <time-offset>}
 * @param userInput    {@code <user-input>}, or null
 */
public record Rpid(List<Activities> activities, String classValue, List<Mood> moods, List<PlaceIs> placeIs,
                   List<PlaceType> placeTypes, List<Privacy> privacy, Relationship relationship,
                   ServiceClass serviceClass, List<Sphere> spheres, List<StatusIcon> statusIcons,
                   List<TimeOffset> timeOffsets, UserInput userInput) {

    /** The RPID namespace. */
    public static final String NAMESPACE = "urn:ietf:params:xml:ns:pidf:rpid";

    /** No RPID values at all. */
    public static final Rpid NONE = new Rpid(List.of(), null, List.of(), List.of(), List.of(), List.of(), null, null,
            List.of(), List.of(), List.of(), null);

    public Rpid {
        activities = List.copyOf(activities);
        moods = List.copyOf(moods);
        placeIs = List.copyOf(placeIs);
        placeTypes = List.copyOf(placeTypes);
        privacy = List.copyOf(privacy);
        spheres = List.copyOf(spheres);
        statusIcons = List.copyOf(statusIcons);
        timeOffsets = List.copyOf(timeOffsets);
    }

    public boolean isEmpty() {
        return this == NONE || equals(NONE);
    }

    /** Only the timed elements {@code keep} accepts; untimed ones stay. Composition drops ended ones with it. */
    public Rpid retain(Predicate<? super Timed> keep) {
        return new Rpid(filter(activities, keep), classValue, filter(moods, keep), filter(placeIs, keep),
                filter(placeTypes, keep), filter(privacy, keep), relationship, serviceClass, filter(spheres, keep),
                filter(statusIcons, keep), filter(timeOffsets, keep), userInput);
    }

    private static <T extends Timed> List<T> filter(List<T> list, Predicate<? super Timed> keep) {
        for (T t : list) {
            if (!keep.test(t)) return list.stream().filter(keep::test).toList();
        }
        return list;
    }

    public Rpid withActivities(List<Activities> next) {
        return new Rpid(next, classValue, moods, placeIs, placeTypes, privacy, relationship, serviceClass, spheres,
                statusIcons, timeOffsets, userInput);
    }

    public Rpid withClassValue(String next) {
        return new Rpid(activities, next, moods, placeIs, placeTypes, privacy, relationship, serviceClass, spheres,
                statusIcons, timeOffsets, userInput);
    }

    public Rpid withMoods(List<Mood> next) {
        return new Rpid(activities, classValue, next, placeIs, placeTypes, privacy, relationship, serviceClass, spheres,
                statusIcons, timeOffsets, userInput);
    }

    public Rpid withPlaceIs(List<PlaceIs> next) {
        return new Rpid(activities, classValue, moods, next, placeTypes, privacy, relationship, serviceClass, spheres,
                statusIcons, timeOffsets, userInput);
    }

    public Rpid withPlaceTypes(List<PlaceType> next) {
        return new Rpid(activities, classValue, moods, placeIs, next, privacy, relationship, serviceClass, spheres,
                statusIcons, timeOffsets, userInput);
    }

    public Rpid withPrivacy(List<Privacy> next) {
        return new Rpid(activities, classValue, moods, placeIs, placeTypes, next, relationship, serviceClass, spheres,
                statusIcons, timeOffsets, userInput);
    }

    public Rpid withRelationship(Relationship next) {
        return new Rpid(activities, classValue, moods, placeIs, placeTypes, privacy, next, serviceClass, spheres,
                statusIcons, timeOffsets, userInput);
    }

    public Rpid withServiceClass(ServiceClass next) {
        return new Rpid(activities, classValue, moods, placeIs, placeTypes, privacy, relationship, next, spheres,
                statusIcons, timeOffsets, userInput);
    }

    public Rpid withSpheres(List<Sphere> next) {
        return new Rpid(activities, classValue, moods, placeIs, placeTypes, privacy, relationship, serviceClass, next,
                statusIcons, timeOffsets, userInput);
    }

    public Rpid withStatusIcons(List<StatusIcon> next) {
        return new Rpid(activities, classValue, moods, placeIs, placeTypes, privacy, relationship, serviceClass, spheres,
                next, timeOffsets, userInput);
    }

    public Rpid withTimeOffsets(List<TimeOffset> next) {
        return new Rpid(activities, classValue, moods, placeIs, placeTypes, privacy, relationship, serviceClass, spheres,
                statusIcons, next, userInput);
    }

    public Rpid withUserInput(UserInput next) {
        return new Rpid(activities, classValue, moods, placeIs, placeTypes, privacy, relationship, serviceClass, spheres,
                statusIcons, timeOffsets, next);
    }
}
