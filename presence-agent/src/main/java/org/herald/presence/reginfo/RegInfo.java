package org.herald.presence.reginfo;

import java.util.List;

/**
 * A reginfo document (RFC 3680 §5.1), {@code application/reginfo+xml}.
 *
 * @param version counts up by one per document sent to a subscriber
 * @param full    state="full": every registration and its contacts; else state="partial": only the
 *                contacts that changed since the previous document
 */
public record RegInfo(long version, boolean full, List<RegistrationElement> registrations) {
    public static final String NAMESPACE = "urn:ietf:params:xml:ns:reginfo";
    public static final String CONTENT_TYPE = "application/reginfo+xml";

    public RegInfo {
        if (version < 0) throw new IllegalArgumentException("negative version " + version);
        registrations = List.copyOf(registrations);
    }
}
