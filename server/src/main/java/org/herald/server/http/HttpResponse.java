package org.herald.server.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a handler answers: a status, headers in order (a name may repeat) and a body. */
public record HttpResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    public HttpResponse {
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public static HttpResponse of(int status) {
        return new HttpResponse(status, List.of(), new byte[0]);
    }

    public static HttpResponse json(int status, String json) {
        return of(status).withBody("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public static HttpResponse text(int status, String text) {
        return of(status).withBody("text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Adds a header (another value if the name is there already). */
    public HttpResponse withHeader(String name, String value) {
        List<Map.Entry<String, String>> copy = new ArrayList<>(headers);
        copy.add(Map.entry(name, value));
        return new HttpResponse(status, copy, body);
    }

    public HttpResponse withBody(String contentType, byte[] content) {
        List<Map.Entry<String, String>> copy = new ArrayList<>(headers);
        copy.removeIf(e -> e.getKey().equalsIgnoreCase("Content-Type"));
        copy.add(Map.entry("Content-Type", contentType));
        return new HttpResponse(status, copy, content);
    }

    public Optional<String> header(String name) {
        return headers.stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }
}
