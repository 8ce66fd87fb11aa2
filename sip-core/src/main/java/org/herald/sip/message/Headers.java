package org.herald.sip.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, ordered SIP header multimap with case-insensitive names. Each value is one header
 * field value; comma-separated lists arrive split into several values (the stack parses them).
 */
public final class Headers {
    private static final Headers EMPTY = new Headers(Map.of());
    private final Map<String, List<String>> byName; // lower-case name -> values
    private final Map<String, String> spelling;     // lower-case name -> name as first written

    private Headers(Map<String, List<String>> byName) {
        this(byName, Map.of());
    }

    private Headers(Map<String, List<String>> byName, Map<String, String> spelling) {
        this.byName = byName;
        this.spelling = spelling;
    }

    public static Headers empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        var b = new Builder();
        byName.forEach((k, vs) -> vs.forEach(v -> b.add(spelling.getOrDefault(k, k), v)));
        return b;
    }

    public List<String> all(String name) {
        return byName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    public Optional<String> first(String name) {
        List<String> values = all(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public boolean has(String name) {
        return byName.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** Names as first written, in order, each once. */
    public List<String> names() {
        return byName.keySet().stream().map(k -> spelling.getOrDefault(k, k)).toList();
    }

    /** Every (name, value) pair in order of names. */
    public List<Map.Entry<String, String>> entries() {
        var out = new ArrayList<Map.Entry<String, String>>();
        byName.forEach((k, vs) -> vs.forEach(v -> out.add(Map.entry(spelling.getOrDefault(k, k), v))));
        return out;
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    @Override
    public String toString() {
        return entries().toString();
    }

    public static final class Builder {
        private final Map<String, List<String>> byName = new LinkedHashMap<>();
        private final Map<String, String> spelling = new LinkedHashMap<>();

        public Builder add(String name, Object value) {
            String key = name.toLowerCase(Locale.ROOT);
            spelling.putIfAbsent(key, name);
            byName.computeIfAbsent(key, k -> new ArrayList<>()).add(String.valueOf(value));
            return this;
        }

        public Builder set(String name, Object value) {
            remove(name);
            return add(name, value);
        }

        public Builder remove(String name) {
            byName.remove(name.toLowerCase(Locale.ROOT));
            return this;
        }

        public Builder addAll(Headers other) {
            other.entries().forEach(e -> add(e.getKey(), e.getValue()));
            return this;
        }

        public Headers build() {
            if (byName.isEmpty()) return EMPTY;
            var copy = new LinkedHashMap<String, List<String>>();
            byName.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            return new Headers(Collections.unmodifiableMap(copy), Map.copyOf(spelling));
        }
    }
}
