package org.herald.server.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds a {@link HeraldConfig}: defaults, then a YAML file, then environment, then {@code --set}. */
public final class ConfigLoader {
    static final String ENV_PREFIX = "HERALD_";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(com.fasterxml.jackson.databind.cfg.EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
            .build();
    private static final YAMLMapper YAML = new YAMLMapper();

    private ConfigLoader() {}

    public static HeraldConfig load(Path file, List<String> sets, Map<String, String> env) {
        ObjectNode tree = MAPPER.valueToTree(HeraldConfig.defaults());
        if (file != null) {
            try {
                JsonNode fromFile = YAML.readTree(Files.readString(file));
                if (fromFile != null && !fromFile.isMissingNode() && !fromFile.isNull()) {
                    if (!fromFile.isObject()) throw new ConfigException(file + ": the top level must be a mapping");
                    merge(tree, (ObjectNode) fromFile, "");
                }
            } catch (IOException e) {
                throw new ConfigException("cannot read " + file + ": " + e.getMessage());
            }
        }
        List<String> keys = leafKeys(tree, "");
        env.forEach((name, value) -> {
            if (!name.startsWith(ENV_PREFIX)) return;
            String wanted = name.substring(ENV_PREFIX.length());
            keys.stream().filter(k -> envName(k).equals(wanted)).findFirst().ifPresent(k -> set(tree, k, value));
        });
        for (String assignment : sets) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) throw new ConfigException("--set needs key=value, got: " + assignment);
            String key = assignment.substring(0, eq).trim();
            if (!keys.contains(key) && !isListKey(tree, key)) throw new ConfigException("unknown configuration key: " + key);
            set(tree, key, assignment.substring(eq + 1));
        }
        try {
            return validate(MAPPER.treeToValue(tree, HeraldConfig.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ConfigException("invalid configuration: " + e.getOriginalMessage());
        }
    }

    /** Every key with its default, as {@code key = value} lines (for docs and {@code herald config}). */
    public static List<String> describeDefaults() {
        ObjectNode tree = MAPPER.valueToTree(HeraldConfig.defaults());
        List<String> out = new ArrayList<>();
        for (String key : leafKeys(tree, "")) out.add(key + " = " + at(tree, key));
        return out;
    }

    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static HeraldConfig validate(HeraldConfig c) {
        for (int port : new int[] {c.sip().udp().port(), c.sip().tcp().port(), c.sip().tls().port(), c.sip().ws().port(), c.http().port()}) {
            if (port < 0 || port > 65535) throw new ConfigException("port out of range: " + port);
        }
        if (c.sip().maxMessageSize() < 1024) throw new ConfigException("sip.max-message-size must be at least 1024");
        if (c.storage().embedded().flushInterval() < 10) throw new ConfigException("storage.embedded.flush-interval must be at least 10 ms");
        if (!List.of("h2", "memory").contains(c.storage().embedded().backend())) {
            throw new ConfigException("storage.embedded.backend must be h2 or memory");
        }
        validatePresence(c.presence());
        if (c.wakeup().checkInterval() < 1) throw new ConfigException("wakeup.check-interval must be at least 1 second");
        if (c.wakeup().retryAfter() < 1) throw new ConfigException("wakeup.retry-after must be at least 1 second");
        if (c.wakeup().attempts() < 1) throw new ConfigException("wakeup.attempts must be at least 1");
        if (!List.of("text", "json").contains(c.log().format())) throw new ConfigException("log.format must be text or json");
        for (String entry : c.log().levels()) {
            if (entry.indexOf('=') <= 0) throw new ConfigException("log.levels entries are logger=LEVEL, not " + entry);
        }
        return c;
    }

    private static void validatePresence(HeraldConfig.Presence p) {
        try {
            org.herald.presence.compose.CompositionPolicy.parse(p.composition());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("presence.composition: " + e.getMessage());
        }
        var handlings = List.of("allow", "confirm", "polite-block", "block");
        for (var key : java.util.Map.of("without-rules", p.privacy().withoutRules(), "unmatched", p.privacy().unmatched(),
                "anonymous", p.privacy().anonymous()).entrySet()) {
            if (!handlings.contains(key.getValue())) {
                throw new ConfigException("presence.privacy." + key.getKey() + " must be allow, confirm, polite-block or block, not "
                        + key.getValue());
            }
        }
        if (p.staleAfter() < 0) throw new ConfigException("presence.stale-after must be 0 (off) or a number of seconds");
        if (p.xcap().maxDocumentSize() < 1024) throw new ConfigException("presence.xcap.max-document-size must be at least 1024");
    }

    private static void merge(ObjectNode target, ObjectNode source, String path) {
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            String key = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            JsonNode existing = target.get(e.getKey());
            if (existing == null) throw new ConfigException("unknown configuration key: " + key);
            if (existing.isObject() && e.getValue().isObject()) {
                merge((ObjectNode) existing, (ObjectNode) e.getValue(), key);
            } else {
                target.set(e.getKey(), e.getValue());
            }
        }
    }

    private static void set(ObjectNode tree, String key, String value) {
        String[] parts = key.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (!(child instanceof ObjectNode o)) throw new ConfigException("unknown configuration key: " + key);
            node = o;
        }
        String leaf = parts[parts.length - 1];
        if (node.get(leaf) instanceof ArrayNode) {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            for (String item : value.split(",")) if (!item.isBlank()) list.add(item.trim());
            node.set(leaf, list);
        } else {
            node.set(leaf, TextNode.valueOf(value));
        }
    }

    private static boolean isListKey(ObjectNode tree, String key) {
        return at(tree, key) instanceof ArrayNode;
    }

    private static JsonNode at(ObjectNode tree, String key) {
        JsonNode node = tree;
        for (String part : key.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }

    private static List<String> leafKeys(JsonNode node, String path) {
        List<String> out = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e ->
                    out.addAll(leafKeys(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey())));
        } else {
            out.add(path);
        }
        return out;
    }
}
