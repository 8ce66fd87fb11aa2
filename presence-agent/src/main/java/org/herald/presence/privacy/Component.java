package org.herald.presence.privacy;

import java.util.List;
import java.util.Objects;

/**
 * A person, device or service (RFC 4479) as privacy filtering identifies it: what a
 * {@link Selection} can match on, read from whichever model holds the element.
 *
 * @param kind         which of the three it is
 * @param occurrenceId its {@code id} attribute (a tuple's id for a service), or null
 * @param classes      the text of its RPID {@code <class>} elements
 * @param deviceIds    a device's own {@code <deviceID>}s; empty for persons and services
 * @param contact      a service's {@code <contact>} URI, or null
 */
public record Component(Kind kind, String occurrenceId, List<String> classes, List<String> deviceIds, String contact) {

    /** The three RFC 4479 data components. */
    public enum Kind { PERSON, DEVICE, SERVICE }

    public Component {
        Objects.requireNonNull(kind, "kind");
        classes = List.copyOf(classes);
        deviceIds = List.copyOf(deviceIds);
    }
}
