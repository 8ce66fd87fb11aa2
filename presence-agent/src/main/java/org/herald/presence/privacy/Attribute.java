package org.herald.presence.privacy;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The boolean presence-attribute permissions of RFC 5025 §3.3.2, each naming the element it lets
 * through. {@code provide-user-input} is not here (it has four levels, see {@link UserInput}), nor
 * {@code provide-unknown-attribute} and {@code provide-all-attributes} (see {@link Permissions}).
 */
public enum Attribute {
    ACTIVITIES("provide-activities", Namespaces.RPID, "activities"),
    CLASS("provide-class", Namespaces.RPID, "class"),
    /** The {@code <deviceID>} of a service, saying which device it runs on. */
    DEVICE_ID("provide-deviceID", Namespaces.DATA_MODEL, "deviceID"),
    MOOD("provide-mood", Namespaces.RPID, "mood"),
    PLACE_IS("provide-place-is", Namespaces.RPID, "place-is"),
    PLACE_TYPE("provide-place-type", Namespaces.RPID, "place-type"),
    PRIVACY("provide-privacy", Namespaces.RPID, "privacy"),
    RELATIONSHIP("provide-relationship", Namespaces.RPID, "relationship"),
    STATUS_ICON("provide-status-icon", Namespaces.RPID, "status-icon"),
    SPHERE("provide-sphere", Namespaces.RPID, "sphere"),
    TIME_OFFSET("provide-time-offset", Namespaces.RPID, "time-offset"),
    /** Every {@code <note>}: the document's, a tuple's, a person's and a device's. */
    NOTE("provide-note", Namespaces.PIDF, "note");

    private static final Map<String, Attribute> BY_PERMISSION = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(Attribute::permission, Function.identity()));

    private final String permission;
    private final ElementName element;

    Attribute(String permission, String namespace, String element) {
        this.permission = permission;
        this.element = new ElementName(namespace, element);
    }

    /** The pres-rules element granting it, e.g. {@code provide-mood}. */
    public String permission() {
        return permission;
    }

    /** The presence element it controls (for NOTE, the PIDF one; the data-model note is the same permission). */
    public ElementName element() {
        return element;
    }

    /** The attribute a {@code provide-*} element name grants, or null. */
    static Attribute byPermission(String localName) {
        return BY_PERMISSION.get(localName);
    }
}
