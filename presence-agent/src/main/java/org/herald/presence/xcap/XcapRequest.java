package org.herald.presence.xcap;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.herald.sip.message.Aor;

/**
 * One XCAP request as the core sees it, with no HTTP library types.
 *
 * @param path        the request path below the XCAP root, still percent-encoded as sent, starting
 *                    with {@code /}: {@code /resource-lists/users/sip:joe@example.com/index/~~/...}
 * @param query       the query component without {@code ?}, still encoded; empty if none
 * @param contentType the Content-Type header, empty if none
 * @param ifMatch     the values of If-Match headers (each may be a comma-separated list)
 * @param ifNoneMatch the values of If-None-Match headers
 * @param requester   who the HTTP shell authenticated (in open mode: the owner of the document)
 * @param root        the absolute XCAP root URI the client used, e.g. {@code http://h:8080/xcap-root},
 *                    for the URIs in error documents
 */
public record XcapRequest(Method method, String path, String query, String contentType, List<String> ifMatch,
                          List<String> ifNoneMatch, byte[] body, Aor requester, String root) {

    public enum Method {
        GET, PUT, DELETE;

        /** The method for an HTTP method name, empty for any other (405). */
        public static Optional<Method> of(String name) {
            try {
                return Optional.of(valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    public XcapRequest {
        query = query == null ? "" : query;
        contentType = contentType == null ? "" : contentType;
        ifMatch = List.copyOf(ifMatch);
        ifNoneMatch = List.copyOf(ifNoneMatch);
        body = body == null ? new byte[0] : body;
    }

    public static XcapRequest get(String path, Aor requester) {
        return new XcapRequest(Method.GET, path, "", "", List.of(), List.of(), null, requester, "http://localhost/xcap-root");
    }

    public static XcapRequest put(String path, String contentType, byte[] body, Aor requester) {
        return new XcapRequest(Method.PUT, path, "", contentType, List.of(), List.of(), body, requester, "http://localhost/xcap-root");
    }

    public static XcapRequest delete(String path, Aor requester) {
        return new XcapRequest(Method.DELETE, path, "", "", List.of(), List.of(), null, requester, "http://localhost/xcap-root");
    }

    public XcapRequest withQuery(String q) {
        return new XcapRequest(method, path, q, contentType, ifMatch, ifNoneMatch, body, requester, root);
    }

    public XcapRequest withIfMatch(String... values) {
        return new XcapRequest(method, path, query, contentType, List.of(values), ifNoneMatch, body, requester, root);
    }

    public XcapRequest withIfNoneMatch(String... values) {
        return new XcapRequest(method, path, query, contentType, ifMatch, List.of(values), body, requester, root);
    }

    /** The media type without parameters, lower case. */
    public String mediaType() {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }
}
