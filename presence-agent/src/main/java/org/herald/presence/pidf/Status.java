package org.herald.presence.pidf;

import java.util.List;
import org.herald.presence.xml.XmlFragment;

/**
 * A tuple's status (RFC 3863): the basic open/closed value, if any, and status extensions
 * such as {@code <im:im>busy</im:im>} kept verbatim.
 *
 * @param basic      OPEN or CLOSED, or null when the publisher gave none
 * @param extensions other elements inside {@code <status>}, in document order
 */
public record Status(Basic basic, List<XmlFragment> extensions) {

    public Status {
        extensions = List.copyOf(extensions);
    }

    public static Status of(Basic basic) {
        return new Status(basic, List.of());
    }
}
