package org.herald.presence.privacy;

import java.util.Objects;

/**
 * An element's expanded name, e.g. the {@code ns} and {@code name} of a
 * {@code <provide-unknown-attribute>}.
 *
 * @param namespace the namespace URI, {@code ""} for none
 * @param localName the local name
 */
public record ElementName(String namespace, String localName) {

    public ElementName {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(localName, "localName");
    }

    @Override
    public String toString() {
        return namespace.isEmpty() ? localName : "{" + namespace + "}" + localName;
    }
}
