package org.herald.server.http;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.herald.presence.xcap.XcapRequest;
import org.herald.presence.xcap.XcapResponse;
import org.herald.presence.xcap.XcapService;
import org.herald.presence.xcap.XcapUri;
import org.herald.sip.auth.Authenticator;
import org.herald.sip.message.Aor;

/**
 * The XCAP server on the HTTP port: everything below {@code /xcap-root} goes to {@link XcapService}
 * after HTTP digest authentication with the SIP users ({@link HttpDigest}). A request about
 * {@code /xcap-root/{auid}/users/sip:alice@example.com/...} is authenticated in the realm
 * {@code example.com}; global documents in the realm of the first served domain.
 *
 * <pre>
 *   HTTP request ─► 405 unless GET/PUT/DELETE ─► digest (401 + WWW-Authenticate) ─► XcapRequest
 *                ─► XcapService.handle ─► XcapResponse ─► HTTP response
 * </pre>
 */
public final class XcapHttp {
    /** The XCAP root path: {@code http://HOST:{http.port}/xcap-root}. */
    public static final String ROOT = "/xcap-root";

    private final XcapService xcap;
    private final HttpDigest digest;
    private final String defaultDomain;

    private XcapHttp(XcapService xcap, Authenticator authenticator, String defaultDomain) {
        this.xcap = xcap;
        this.digest = new HttpDigest(authenticator);
        this.defaultDomain = defaultDomain.toLowerCase(Locale.ROOT);
    }

    /**
     * The routes to give {@link HttpServer#start(String, int, java.util.Map, List)}.
     *
     * @param authenticator the SIP authenticator (same users, mode, nonce secret and algorithms)
     * @param defaultDomain the realm for requests that name no user (global documents)
     */
    public static List<HttpRoute> routes(XcapService xcap, Authenticator authenticator, String defaultDomain) {
        XcapHttp http = new XcapHttp(xcap, authenticator, defaultDomain);
        return List.of(HttpRoute.prefix(ROOT, xcap.limits().maxDocumentSize(), http::handle));
    }

    HttpResponse handle(HttpRequest request) {
        String below = request.path().substring(ROOT.length());
        Optional<XcapRequest.Method> method = XcapRequest.Method.of(request.method());
        if (method.isEmpty()) {
            return HttpResponse.text(405, "XCAP resources take GET, PUT and DELETE").withHeader("Allow", "GET, PUT, DELETE");
        }
        Aor claimed = claimed(below);
        Aor user;
        switch (digest.authenticate(request, claimed)) {
            case HttpDigest.Outcome.Identified id -> user = id.user();
            case HttpDigest.Outcome.Challenge ch -> {
                HttpResponse challenge = HttpResponse.text(401, "authentication required");
                for (String value : ch.challenges()) challenge = challenge.withHeader("WWW-Authenticate", value);
                return challenge;
            }
        }
        XcapRequest xcapRequest = new XcapRequest(method.get(), below.isEmpty() ? "/" : below, request.query(),
                request.header("Content-Type").orElse(""), request.headers("If-Match"), request.headers("If-None-Match"),
                request.body(), user, "http://" + request.header("Host").orElse("localhost") + ROOT);
        return toHttp(xcap.handle(xcapRequest));
    }

    /** The XUI's user for a users-tree path with a SIP XUI, otherwise a placeholder in the default domain. */
    private Aor claimed(String below) {
        Optional<String> xui = XcapUri.xuiOf(below).filter(x -> x.startsWith("sip:"));
        if (xui.isPresent()) {
            try {
                return Aor.parse(xui.get());
            } catch (IllegalArgumentException e) {
                // not a usable SIP URI: treated like a global document
            }
        }
        return new Aor("anonymous", defaultDomain);
    }

    private static HttpResponse toHttp(XcapResponse r) {
        HttpResponse http = HttpResponse.of(r.status());
        for (var header : r.headers().entrySet()) {
            http = header.getKey().equalsIgnoreCase("Content-Type") ? http.withBody(header.getValue(), r.body())
                    : http.withHeader(header.getKey(), header.getValue());
        }
        return r.header("Content-Type").isPresent() ? http : new HttpResponse(http.status(), http.headers(), r.body());
    }
}
