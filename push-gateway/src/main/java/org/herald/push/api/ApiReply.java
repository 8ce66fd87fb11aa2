package org.herald.push.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP answer of the push APIs, free of any HTTP library: the server's shell turns it into a response. */
public record ApiReply(int status, Map<String, String> headers, String contentType, byte[] body) {

    public ApiReply {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public static ApiReply json(int status, JsonNode json) {
        return new ApiReply(status, Map.of(), "application/json", Json.write(json).getBytes(StandardCharsets.UTF_8));
    }

    public static ApiReply text(int status, String text) {
        return new ApiReply(status, Map.of(), "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    public static ApiReply empty(int status) {
        return new ApiReply(status, Map.of(), null, new byte[0]);
    }

    public ApiReply withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiReply(status, copy, contentType, body);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
