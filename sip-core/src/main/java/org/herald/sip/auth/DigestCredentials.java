package org.herald.sip.auth;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.herald.sip.message.ParameterizedValue;

/** The parameters of an Authorization header with the Digest scheme (RFC 3261 §25, RFC 8760). */
public record DigestCredentials(Map<String, String> params) {

    /** Parses {@code Digest username="a", realm="r", ...}; empty if it is not a digest header. */
    public static Optional<DigestCredentials> parse(String header) {
        String h = header.trim();
        if (h.length() < 7 || !h.substring(0, 6).equalsIgnoreCase("digest") || !Character.isWhitespace(h.charAt(6))) {
            return Optional.empty();
        }
        var params = new LinkedHashMap<String, String>();
        for (String part : ParameterizedValue.splitOutsideQuotes(h.substring(7), ',')) {
            int eq = part.indexOf('=');
            if (eq <= 0) continue;
            params.put(part.substring(0, eq).trim().toLowerCase(Locale.ROOT),
                    ParameterizedValue.unquote(part.substring(eq + 1).trim()));
        }
        return Optional.of(new DigestCredentials(Map.copyOf(params)));
    }

    public String get(String name) {
        return params.getOrDefault(name, "");
    }

    public String username() {
        return get("username");
    }

    public String realm() {
        return get("realm");
    }

    public String nonce() {
        return get("nonce");
    }
}
