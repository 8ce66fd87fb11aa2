package org.herald.sip.message;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A name-addr or addr-spec with its header parameters, as found in From, To and Contact:
 * {@code "Alice" <sip:alice@example.com>;tag=1928301774}. Parameter names are lower case;
 * a parameter without a value maps to the empty string.
 */
public record NameAddr(String displayName, String uri, Map<String, String> params) {

    public NameAddr {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public static NameAddr of(String uri) {
        return new NameAddr(null, uri, Map.of());
    }

    public String param(String name) {
        return params.get(name.toLowerCase(Locale.ROOT));
    }

    public String tag() {
        return param("tag");
    }

    public Aor aor() {
        return Aor.parse(uri);
    }

    public NameAddr withParam(String name, String value) {
        var copy = new LinkedHashMap<>(params);
        copy.put(name.toLowerCase(Locale.ROOT), value);
        return new NameAddr(displayName, uri, copy);
    }

    public NameAddr withoutParam(String name) {
        var copy = new LinkedHashMap<>(params);
        copy.remove(name.toLowerCase(Locale.ROOT));
        return new NameAddr(displayName, uri, copy);
    }

    /** The header value form, e.g. {@code "Alice" <sip:alice@example.com>;tag=x}. */
    public String format() {
        var sb = new StringBuilder();
        if (displayName != null && !displayName.isEmpty()) {
            sb.append('"').append(displayName.replace("\\", "\\\\").replace("\"", "\\\"")).append("\" ");
        }
        sb.append('<').append(uri).append('>');
        params.forEach((k, v) -> {
            sb.append(';').append(k);
            if (!v.isEmpty()) sb.append('=').append(v);
        });
        return sb.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
