package org.herald.push.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** The one JSON parser of the push gateway, with limits: callers cap the input size, this caps depth and tokens. */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(64 * 1024)
                    .maxNumberLength(32).maxNameLength(256).build()).build()).build();

    private Json() {}

    /** The JSON object in the text, or empty if it is not JSON or not an object. */
    public static Optional<ObjectNode> object(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            return node instanceof ObjectNode o ? Optional.of(o) : Optional.empty();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static Optional<ObjectNode> object(byte[] bytes) {
        return object(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    }

    public static ObjectNode node() {
        return MAPPER.createObjectNode();
    }

    /** A text field, or null if missing or not text. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
