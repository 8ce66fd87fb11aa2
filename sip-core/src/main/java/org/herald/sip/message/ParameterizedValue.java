package org.herald.sip.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A header value of the common shape {@code value *( ";" name [ "=" value ] )}, as in Event,
 * Content-Type, Subscription-State and Accept. Quoted parameter values keep their quotes off.
 */
public record ParameterizedValue(String value, Map<String, String> params) {

    public ParameterizedValue {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public static ParameterizedValue parse(String text) {
        List<String> parts = splitOutsideQuotes(text, ';');
        var params = new LinkedHashMap<String, String>();
        for (String part : parts.subList(1, parts.size())) {
            String p = part.trim();
            if (p.isEmpty()) continue;
            int eq = p.indexOf('=');
            String name = (eq < 0 ? p : p.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String val = eq < 0 ? "" : unquote(p.substring(eq + 1).trim());
            params.put(name, val);
        }
        return new ParameterizedValue(parts.get(0).trim(), params);
    }

    public String param(String name) {
        return params.get(name.toLowerCase(Locale.ROOT));
    }

    /** Splits on a separator that is not inside a quoted string or angle brackets. */
    public static List<String> splitOutsideQuotes(String text, char separator) {
        var out = new ArrayList<String>();
        var current = new StringBuilder();
        boolean quoted = false;
        int angle = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\' && i + 1 < text.length()) {
                current.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == '<') angle++;
            else if (!quoted && c == '>' && angle > 0) angle--;
            if (c == separator && !quoted && angle == 0) {
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(current.toString());
        return out;
    }

    public static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return s;
    }

    public String format() {
        var sb = new StringBuilder(value);
        params.forEach((k, v) -> {
            sb.append(';').append(k);
            if (!v.isEmpty()) sb.append('=').append(v);
        });
        return sb.toString();
    }
}
