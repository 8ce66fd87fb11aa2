package org.herald.server.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as a handler sees it, with no Netty types: the method, the request target as
 * sent (path still percent-encoded), headers by lower-case name, and the whole body.
 */
public record HttpRequest(String method, String target, Map<String, List<String>> headers, byte[] body) {

    public HttpRequest {
        body = body == null ? new byte[0] : body;
        var copy = new java.util.LinkedHashMap<String, List<String>>();
        headers.forEach((k, v) -> copy.merge(k.toLowerCase(Locale.ROOT), List.copyOf(v),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
        headers = java.util.Collections.unmodifiableMap(copy);
    }

    /** The path of the target, still percent-encoded. */
    public String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** The query of the target without '?', still encoded; empty if none. */
    public String query() {
        int q = target.indexOf('?');
        return q < 0 ? "" : target.substring(q + 1);
    }

    public Optional<String> header(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public List<String> headers(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }
}
