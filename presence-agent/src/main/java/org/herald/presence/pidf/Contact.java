package org.herald.presence.pidf;

import java.util.Objects;

/**
 * A tuple's contact address (RFC 3863).
 *
 * @param uri      the address, whitespace-collapsed as xs:anyURI requires
 * @param priority its preference relative to the presentity's other contacts, or null
 */
public record Contact(String uri, QValue priority) {

    public Contact {
        Objects.requireNonNull(uri, "uri");
    }

    public static Contact of(String uri) {
        return new Contact(uri, null);
    }
}
