package org.herald.presence.privacy;

import java.util.HashSet;
import java.util.Set;

/**
 * Which persons, devices or services a watcher may see: the set value of a {@code <provide-persons>},
 * {@code <provide-devices>} or {@code <provide-services>} permission (RFC 5025 §3.3.1). A component
 * is shown if any member matches it; an absent permission is the empty set, so nothing of that kind
 * is shown. Sets combine by union.
 *
 * <p>Kept canonical so that equal grants are equal values (the transformed-view cache depends on it):
 * {@code all} clears every other member; URI schemes are lower case; service URIs are normalized by
 * {@link UriEquivalence#service}.
 *
 * @param all             {@code <all-persons/>}, {@code <all-devices/>} or {@code <all-services/>}
 * @param occurrenceIds   {@code <occurrence-id>}: the component's {@code id}
 * @param classes         {@code <class>}: the component's RPID {@code <class>}
 * @param deviceIds       {@code <deviceID>} (devices only): the device's {@code <deviceID>}
 * @param serviceUris     {@code <service-uri>} (services only): the tuple's {@code <contact>}
 * @param serviceSchemes  {@code <service-uri-scheme>} (services only): its contact's URI scheme
 */
public record Selection(boolean all, Set<String> occurrenceIds, Set<String> classes, Set<String> deviceIds,
                        Set<String> serviceUris, Set<String> serviceSchemes) {

    public static final Selection NONE = new Selection(false, Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
    public static final Selection ALL = new Selection(true, Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    public Selection {
        if (all) {
            occurrenceIds = classes = deviceIds = serviceUris = serviceSchemes = Set.of();
        } else {
            occurrenceIds = Set.copyOf(occurrenceIds);
            classes = Set.copyOf(classes);
            deviceIds = Set.copyOf(deviceIds);
            serviceUris = Set.copyOf(serviceUris);
            serviceSchemes = Set.copyOf(serviceSchemes);
        }
    }

    /** True if nothing is selected. */
    public boolean isEmpty() {
        return !all && occurrenceIds.isEmpty() && classes.isEmpty() && deviceIds.isEmpty() && serviceUris.isEmpty()
                && serviceSchemes.isEmpty();
    }

    /** The union: what either grants. */
    public Selection union(Selection other) {
        if (all || other.isEmpty()) return this;
        if (other.all || isEmpty()) return other;
        return new Selection(false, union(occurrenceIds, other.occurrenceIds), union(classes, other.classes),
                union(deviceIds, other.deviceIds), union(serviceUris, other.serviceUris),
                union(serviceSchemes, other.serviceSchemes));
    }

    /** True if a component with these identifiers is granted. */
    public boolean matches(Component component) {
        if (all) return true;
        if (component.occurrenceId() != null && occurrenceIds.contains(component.occurrenceId())) return true;
        for (String c : component.classes()) if (classes.contains(c)) return true;
        for (String d : component.deviceIds()) if (deviceIds.contains(UriEquivalence.deviceId(d))) return true;
        String contact = component.contact();
        if (contact != null) {
            if (serviceUris.contains(UriEquivalence.service(contact))) return true;
            String scheme = UriEquivalence.scheme(contact);
            if (scheme != null && serviceSchemes.contains(scheme)) return true;
        }
        return false;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return u;
    }
}
