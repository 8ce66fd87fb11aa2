package org.herald.bench.spec;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** YAML (or nothing) plus {@code key.path=value} overrides → a validated {@link BenchSpec}. */
public final class SpecLoader {
    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build();

    private SpecLoader() {}

    public static BenchSpec load(Path file, List<String> overrides) throws IOException {
        return parse(file == null ? "" : Files.readString(file), overrides);
    }

    /** Unknown keys fail (a typo must not silently run the default). */
    public static BenchSpec parse(String yaml, List<String> overrides) throws IOException {
        JsonNode tree = yaml.isBlank() ? YAML.createObjectNode() : YAML.readTree(yaml);
        if (tree == null || tree.isNull() || tree.isMissingNode()) tree = YAML.createObjectNode();
        if (!(tree instanceof ObjectNode root)) throw new IllegalArgumentException("the spec must be a YAML mapping");
        for (String o : overrides) apply(root, o);
        return YAML.treeToValue(root, BenchSpec.class).validate();
    }

    /** Keys whose override value is a comma-separated list. */
    private static final java.util.Set<String> LIST_KEYS = java.util.Set.of("load.rates");

    /** {@code load.rates=100,200} sets a list; anything else is parsed as a YAML scalar. */
    private static void apply(ObjectNode root, String override) throws IOException {
        int eq = override.indexOf('=');
        if (eq <= 0) throw new IllegalArgumentException("expected key=value: " + override);
        String key = override.substring(0, eq).trim();
        String[] path = key.split("\\.");
        String value = override.substring(eq + 1).trim();
        ObjectNode node = root;
        for (int i = 0; i < path.length - 1; i++) node = node.has(path[i]) ? (ObjectNode) node.get(path[i]) : node.putObject(path[i]);
        JsonNode parsed = LIST_KEYS.contains(key) && !value.startsWith("[") ? YAML.readTree("[" + value + "]") : YAML.readTree(value);
        node.set(path[path.length - 1], parsed == null ? YAML.nullNode() : parsed);
    }

    /** The spec as YAML, for the record in the results. */
    public static String toYaml(BenchSpec spec) {
        try {
            return YAML.writeValueAsString(spec);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
