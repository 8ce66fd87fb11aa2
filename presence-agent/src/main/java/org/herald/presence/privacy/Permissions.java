package org.herald.presence.privacy;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What one watcher may see of one presentity: the combined permission of every rule that matched
 * (RFC 4745 §10), or a {@link PrivacyDefaults} value when none did. A value with structural equality,
 * so the presence package can render one body per distinct {@code Permissions} and share it between
 * watchers with the same outcome (see {@link TransformedViews}).
 *
 * <p>Combining ({@link #combine}) follows RFC 4745 §10.2 per permission type: sub-handling and
 * user-input are enumerated integers and take the maximum; booleans are ORed; sets are unioned. An
 * absent permission has the lowest value: block, false, the empty set.
 *
 * @param subHandling       the subscription's handling
 * @param persons           which {@code <person>}s are shown
 * @param devices           which {@code <device>}s are shown
 * @param services          which services ({@code <tuple>}s) are shown
 * @param attributes        the boolean {@code provide-*} permissions that are true
 * @param userInput         how much of {@code <user-input>} is shown
 * @param unknownAttributes elements outside RFC 5025's list shown by {@code <provide-unknown-attribute>}
 * @param allAttributes     {@code <provide-all-attributes/>}: every element of a shown component
 */
public record Permissions(SubHandling subHandling, Selection persons, Selection devices, Selection services,
                          Set<Attribute> attributes, UserInput userInput, Set<ElementName> unknownAttributes,
                          boolean allAttributes) {

    /** Nothing at all, the lowest value of every permission: what a rule with no actions grants. */
    public static final Permissions NONE = new Permissions(SubHandling.BLOCK, Selection.NONE, Selection.NONE,
            Selection.NONE, Set.of(), UserInput.FALSE, Set.of(), false);

    /** The whole document, as published: what the presentity sees of itself. */
    public static final Permissions ALLOW_ALL = new Permissions(SubHandling.ALLOW, Selection.ALL, Selection.ALL,
            Selection.ALL, EnumSet.allOf(Attribute.class), UserInput.FULL, Set.of(), true);

    public Permissions {
        Objects.requireNonNull(subHandling, "subHandling");
        Objects.requireNonNull(persons, "persons");
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(userInput, "userInput");
        if (allAttributes) {
            attributes = Set.copyOf(EnumSet.allOf(Attribute.class));
            userInput = UserInput.FULL;
            unknownAttributes = Set.of();
        } else {
            attributes = Set.copyOf(attributes);
            unknownAttributes = Set.copyOf(unknownAttributes);
        }
    }

    /** Only a sub-handling, no transformation: e.g. {@code confirm} for unknown watchers. */
    public static Permissions of(SubHandling handling) {
        return NONE.withSubHandling(handling);
    }

    /** The permission granted when both this and {@code other} matched. */
    public Permissions combine(Permissions other) {
        Set<Attribute> attrs = EnumSet.noneOf(Attribute.class);
        attrs.addAll(attributes);
        attrs.addAll(other.attributes);
        Set<ElementName> unknown = new HashSet<>(unknownAttributes);
        unknown.addAll(other.unknownAttributes);
        return new Permissions(subHandling.max(other.subHandling), persons.union(other.persons),
                devices.union(other.devices), services.union(other.services), attrs, userInput.max(other.userInput),
                unknown, allAttributes || other.allAttributes);
    }

    /**
     * The same outcome with nothing that cannot matter: transformations only shape the document of an
     * allowed subscription, so for block, confirm and polite-block they are dropped. Watchers whose
     * outcome is the same then share one cache entry.
     */
    public Permissions canonical() {
        return subHandling == SubHandling.ALLOW || equals(of(subHandling)) ? this : of(subHandling);
    }

    /** True if the boolean permission is granted (always, under provide-all-attributes). */
    public boolean allows(Attribute attribute) {
        return allAttributes || attributes.contains(attribute);
    }

    /** True if an element outside RFC 5025's list may be shown. */
    public boolean allowsUnknown(String namespace, String localName) {
        return allAttributes || unknownAttributes.contains(new ElementName(namespace, localName));
    }

    public Permissions withSubHandling(SubHandling next) {
        return new Permissions(next, persons, devices, services, attributes, userInput, unknownAttributes,
                allAttributes);
    }

    public Permissions withPersons(Selection next) {
        return new Permissions(subHandling, next, devices, services, attributes, userInput, unknownAttributes,
                allAttributes);
    }

    public Permissions withDevices(Selection next) {
        return new Permissions(subHandling, persons, next, services, attributes, userInput, unknownAttributes,
                allAttributes);
    }

    public Permissions withServices(Selection next) {
        return new Permissions(subHandling, persons, devices, next, attributes, userInput, unknownAttributes,
                allAttributes);
    }

    public Permissions withAttributes(Set<Attribute> next) {
        return new Permissions(subHandling, persons, devices, services, next, userInput, unknownAttributes,
                allAttributes);
    }

    public Permissions withUserInput(UserInput next) {
        return new Permissions(subHandling, persons, devices, services, attributes, next, unknownAttributes,
                allAttributes);
    }

    public Permissions withUnknownAttributes(Set<ElementName> next) {
        return new Permissions(subHandling, persons, devices, services, attributes, userInput, next, allAttributes);
    }

    public Permissions withAllAttributes(boolean next) {
        return new Permissions(subHandling, persons, devices, services, attributes, userInput, unknownAttributes,
                next);
    }
}
