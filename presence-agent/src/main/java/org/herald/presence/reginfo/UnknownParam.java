package org.herald.presence.reginfo;

import java.util.Objects;

/**
 * A Contact header parameter the reginfo schema has no attribute for, e.g. {@code +sip.instance}
 * (RFC 3680 §5.1 {@code <unknown-param>}).
 *
 * @param value as it appeared in the header, quotes included; empty for a flag parameter
 */
public record UnknownParam(String name, String value) {
    public UnknownParam {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
