package org.herald.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.herald.presence.compose.Composers;
import org.herald.presence.compose.CompositionPolicy;
import org.herald.sip.auth.Authenticator;
import org.herald.sip.message.Aor;

/**
 * A presentity's composition policy (docs/composition.md) as a JSON resource at
 * {@code /composition-policy/sip:alice@example.com}, read and written by that user with its SIP
 * credentials: {@code GET} → {@code {"presentity", "policy", "chosen"}}; {@code PUT {"policy":"merge:contact"}}
 * stores a choice; {@code DELETE} returns to the server default. Applied at once.
 */
public final class CompositionPolicyHttp {
    public static final String ROOT = "/composition-policy/";
    private static final ObjectMapper json = new ObjectMapper();

    private final Composers composers;
    private final HttpDigest digest;
    private final Consumer<Aor> changed;

    private CompositionPolicyHttp(Composers composers, Authenticator authenticator, Consumer<Aor> changed) {
        this.composers = composers;
        this.digest = new HttpDigest(authenticator);
        this.changed = changed;
    }

    /** @param changed told after a presentity's choice was stored or removed, to recompose it */
    public static List<HttpRoute> routes(Composers composers, Authenticator authenticator, Consumer<Aor> changed) {
        var http = new CompositionPolicyHttp(composers, authenticator, changed);
        return List.of(HttpRoute.prefix(ROOT, 4096, http::handle));
    }

    HttpResponse handle(HttpRequest request) {
        Optional<Aor> presentity = presentity(request.path().substring(ROOT.length()));
        if (presentity.isEmpty()) return error(404, "no-such-presentity", "expected " + ROOT + "sip:user@domain");
        switch (digest.authenticate(request, presentity.get())) {
            case HttpDigest.Outcome.Challenge ch -> {
                HttpResponse challenge = error(401, "unauthorized", "authentication required");
                for (String value : ch.challenges()) challenge = challenge.withHeader("WWW-Authenticate", value);
                return challenge;
            }
            case HttpDigest.Outcome.Identified id -> {
                if (!id.user().equals(presentity.get())) return error(403, "forbidden", "only the presentity chooses its policy");
            }
        }
        Aor aor = presentity.get();
        return switch (request.method()) {
            case "GET" -> current(aor);
            case "PUT" -> put(aor, request.body());
            case "DELETE" -> {
                composers.reset(aor);
                changed.accept(aor);
                yield current(aor);
            }
            default -> error(405, "method-not-allowed", "GET, PUT or DELETE").withHeader("Allow", "GET, PUT, DELETE");
        };
    }

    private HttpResponse put(Aor aor, byte[] body) {
        CompositionPolicy policy;
        try {
            JsonNode text = json.readTree(body).path("policy");
            if (!text.isTextual()) return error(400, "bad-request", "expected {\"policy\": \"union\"} or another policy");
            policy = CompositionPolicy.parse(text.asText());
        } catch (IOException e) {
            return error(400, "bad-json", "not valid JSON");
        } catch (IllegalArgumentException e) {
            return error(400, "unknown-policy", e.getMessage());
        }
        composers.choose(aor, policy);
        changed.accept(aor);
        return current(aor);
    }

    private HttpResponse current(Aor aor) {
        Optional<CompositionPolicy> chosen = composers.chosen(aor);
        ObjectNode body = json.createObjectNode().put("presentity", aor.uri())
                .put("policy", chosen.orElse(composers.defaultPolicy()).text()).put("chosen", chosen.isPresent());
        return HttpResponse.json(200, body.toString());
    }

    private static Optional<Aor> presentity(String encoded) {
        String uri = URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8); // + is a +, not a space
        if (!uri.startsWith("sip:") || uri.indexOf('/') >= 0) return Optional.empty();
        try {
            return Optional.of(Aor.parse(uri));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static HttpResponse error(int status, String code, String reason) {
        return HttpResponse.json(status, json.createObjectNode().put("error", code).put("reason", reason).toString());
    }
}
