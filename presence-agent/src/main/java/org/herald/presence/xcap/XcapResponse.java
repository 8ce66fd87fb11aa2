package org.herald.presence.xcap;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What to answer an XCAP request: a status, headers (Content-Type, ETag, Allow) and a body. No HTTP
 * library types: the HTTP shell copies it onto the wire.
 */
public record XcapResponse(int status, Map<String, String> headers, byte[] body) {

    public XcapResponse {
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? new byte[0] : body;
    }

    public static XcapResponse of(int status) {
        return new XcapResponse(status, Map.of(), new byte[0]);
    }

    /** A status with a one-line text/plain body saying why. */
    public static XcapResponse text(int status, String reason) {
        return of(status).withBody("text/plain; charset=utf-8", (reason + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public static XcapResponse conflict(XcapConflict conflict) {
        return of(409).withBody(XcapConflict.MIME_TYPE, conflict.toXml());
    }

    public XcapResponse withHeader(String name, String value) {
        var copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new XcapResponse(status, copy, body);
    }

    public XcapResponse withBody(String contentType, byte[] content) {
        return new XcapResponse(status, headers, content).withHeader("Content-Type", contentType);
    }

    /** The ETag header, quoted as on the wire. */
    public XcapResponse withEntityTag(String etag) {
        return withHeader("ETag", EntityTags.quote(etag));
    }

    public Optional<String> header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XcapResponse r && r.status == status && r.headers.equals(headers) && Arrays.equals(r.body, body);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * status + headers.hashCode()) + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return status + " " + headers + " (" + body.length + " bytes)";
    }
}
