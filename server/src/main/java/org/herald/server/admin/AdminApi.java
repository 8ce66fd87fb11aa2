package org.herald.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.herald.presence.PresenceView;
import org.herald.server.wakeup.WakeupGateway;
import org.herald.wakeup.Cidr;
import org.herald.wakeup.Network;
import org.herald.wakeup.gateway.ProxyEndpoint;
import org.herald.server.http.HttpRequest;
import org.herald.server.http.HttpResponse;
import org.herald.server.http.HttpRoute;
import org.herald.sip.auth.User;
import org.herald.sip.auth.UserStore;
import org.herald.sip.event.EventPackages;
import org.herald.sip.event.Subscription;
import org.herald.sip.event.SubscriptionService;
import org.herald.sip.event.TerminationReason;
import org.herald.sip.message.Aor;
import org.herald.sip.publish.Publication;
import org.herald.sip.publish.PublicationStore;
import org.herald.sip.registrar.Binding;
import org.herald.sip.registrar.Registration;
import org.herald.sip.registrar.RegistrarService;

/**
 * The admin HTTP API (JSON) and the console page that shows it, behind HTTP Basic credentials from
 * {@code admin.user}/{@code admin.password}:
 * <pre>
 *   GET    /admin                                  the console (HTML; polls the API every second)
 *   GET    /admin/api/registrations                AORs and their live bindings
 *   DELETE /admin/api/registrations/{aor}[?contact=uri]   unregister all or one binding
 *   GET    /admin/api/presentities                 presentities with publications or watchers: composed
 *                                                  document, publications, watchers (state, expiry, CSeq)
 *   GET    /admin/api/subscriptions                every live subscription
 *   DELETE /admin/api/subscriptions/{id}[?reason=] terminate it (reason deactivated unless given)
 *   GET    /admin/api/users | POST {aor, password} | DELETE /admin/api/users/{aor} (its watchers: noresource)
 *   GET    /admin/api/wakeup-proxies (with health) | POST {id, url, secret, networks} | DELETE /admin/api/wakeup-proxies/{id}
 * </pre>
 * Errors are {@code {"error": code, "reason": text}} with a stable code.
 */
public final class AdminApi {
    public static final String CONSOLE = "/admin";
    public static final String API = "/admin/api/";
    private static final ObjectMapper json = new ObjectMapper();

    private final String expectedAuthorization;
    private final RegistrarService registrar;
    private final SubscriptionService subscriptions;
    private final PublicationStore publications;
    private final EventPackages packages;
    private final UserStore users;
    private final InstantSource clock;
    private final WakeupGateway wakeup;
    private final byte[] console;

    public AdminApi(String user, String password, RegistrarService registrar, SubscriptionService subscriptions,
                    PublicationStore publications, EventPackages packages, UserStore users, WakeupGateway wakeup,
                    InstantSource clock) {
        this.expectedAuthorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.registrar = registrar;
        this.subscriptions = subscriptions;
        this.publications = publications;
        this.packages = packages;
        this.users = users;
        this.clock = clock;
        this.wakeup = wakeup;
        try (InputStream in = AdminApi.class.getResourceAsStream("/admin/console.html")) {
            this.console = in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the admin console page is missing from the jar", e);
        }
    }

    public List<HttpRoute> routes() {
        return List.of(
                HttpRoute.exact("GET", CONSOLE, request -> authorized(request, () ->
                        HttpResponse.of(200).withBody("text/html; charset=utf-8", console))),
                HttpRoute.prefix(API, 64 * 1024, request -> authorized(request, () -> api(request))));
    }

    private HttpResponse authorized(HttpRequest request, java.util.function.Supplier<HttpResponse> then) {
        String given = request.header("Authorization").orElse("");
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expectedAuthorization.getBytes(StandardCharsets.UTF_8))) {
            return error(401, "unauthorized", "admin credentials required")
                    .withHeader("WWW-Authenticate", "Basic realm=\"Herald admin\", charset=\"UTF-8\"");
        }
        return then.get();
    }

    private HttpResponse api(HttpRequest request) {
        String[] path = request.path().substring(API.length()).split("/", 2);
        String rest = path.length > 1 ? URLDecoder.decode(path[1].replace("+", "%2B"), StandardCharsets.UTF_8) : "";
        try {
            return switch (request.method() + " " + path[0] + (rest.isEmpty() ? "" : "/*")) {
                case "GET registrations" -> ok(registrations());
                case "DELETE registrations/*" -> unregister(Aor.parse(rest), query(request, "contact"));
                case "GET presentities" -> ok(presentities());
                case "GET subscriptions" -> ok(subscriptionList(subscriptions.all()));
                case "DELETE subscriptions/*" -> terminate(rest, query(request, "reason"));
                case "GET users" -> ok(userList());
                case "POST users" -> addUser(request.body());
                case "DELETE users/*" -> removeUser(Aor.parse(rest));
                case "GET wakeup-proxies" -> ok(proxyList());
                case "POST wakeup-proxies" -> addProxy(request.body());
                case "DELETE wakeup-proxies/*" -> wakeup.proxies().remove(rest) ? HttpResponse.of(204)
                        : error(404, "no-such-proxy", rest);
                default -> error(404, "no-such-resource", request.method() + " " + request.path());
            };
        } catch (IllegalArgumentException e) {
            return error(400, "bad-request", e.getMessage());
        }
    }

    private ArrayNode registrations() {
        Instant now = clock.instant();
        ArrayNode out = json.createArrayNode();
        List<Registration> list = new ArrayList<>(registrar.list(1000));
        list.sort(Comparator.comparing(r -> r.aor().toString()));
        for (Registration r : list) {
            ObjectNode reg = out.addObject().put("aor", r.aor().uri());
            ArrayNode bindings = reg.putArray("bindings");
            for (Binding b : r.bindings()) {
                ObjectNode o = bindings.addObject().put("uri", b.uri()).put("expiresIn", secondsUntil(b.expiresAt(), now))
                        .put("q", b.q());
                if (b.flow() != null) o.put("transport", b.flow().transport().token()).put("source", b.flow().remoteHost() + ":" + b.flow().remotePort());
                if (b.instanceId() != null) o.put("instance", b.instanceId());
                if (b.userAgent() != null) o.put("userAgent", b.userAgent());
            }
        }
        return out;
    }

    private HttpResponse unregister(Aor aor, String contact) {
        registrar.unregister(aor, contact);
        return HttpResponse.of(204);
    }

    private ArrayNode presentities() {
        Instant now = clock.instant();
        Map<String, List<Publication>> published = new TreeMap<>();
        for (Publication p : publications.all()) {
            if (p.expiresAt().isAfter(now)) published.computeIfAbsent(p.event() + " " + p.resource().uri(), k -> new ArrayList<>()).add(p);
        }
        Map<String, List<Subscription>> watched = new TreeMap<>();
        for (Subscription s : subscriptions.all()) watched.computeIfAbsent(s.event() + " " + s.resource().uri(), k -> new ArrayList<>()).add(s);
        var keys = new java.util.TreeSet<>(published.keySet());
        keys.addAll(watched.keySet());
        ArrayNode out = json.createArrayNode();
        for (String key : keys) {
            String event = key.substring(0, key.indexOf(' '));
            Aor resource = Aor.parse(key.substring(key.indexOf(' ') + 1));
            ObjectNode o = out.addObject().put("presentity", resource.uri()).put("event", event);
            ArrayNode pubs = o.putArray("publications");
            for (Publication p : published.getOrDefault(key, List.of())) {
                pubs.addObject().put("etag", p.entityTag()).put("expiresIn", secondsUntil(p.expiresAt(), now))
                        .put("modified", p.modifiedAt().toString());
            }
            packages.find(event).map(pkg -> pkg.view(resource)).ifPresent(view -> {
                if (view instanceof PresenceView presence) o.put("document", new String(presence.body(), StandardCharsets.UTF_8));
            });
            o.set("watchers", subscriptionList(watched.getOrDefault(key, List.of())));
        }
        return out;
    }

    private ArrayNode subscriptionList(List<Subscription> list) {
        Instant now = clock.instant();
        ArrayNode out = json.createArrayNode();
        list.stream().sorted(Comparator.comparing(Subscription::createdAt)).forEach(s -> out.addObject()
                .put("id", s.id()).put("event", s.event()).put("resource", s.resource().uri()).put("watcher", s.watcher().uri())
                .put("state", s.state().token()).put("expiresIn", secondsUntil(s.expiresAt(), now))
                .put("notifyCseq", s.dialog().localCseq()).put("created", s.createdAt().toString()));
        return out;
    }

    /** Ends a subscription with the reason given (RFC 6665 §4.1.3; default deactivated: the watcher may subscribe again at once). */
    private HttpResponse terminate(String id, String reason) {
        if (subscriptions.find(id).isEmpty()) return error(404, "no-such-subscription", id);
        TerminationReason why;
        try {
            why = reason == null ? TerminationReason.DEACTIVATED : TerminationReason.valueOf(reason.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return error(400, "bad-reason", "reason is one of deactivated, probation, rejected, timeout, giveup, noresource, invariant");
        }
        subscriptions.terminate(id, why);
        return HttpResponse.of(204);
    }

    /** A removed user is no resource any more: subscriptions to it end with reason noresource. */
    private HttpResponse removeUser(Aor aor) {
        if (!users.remove(aor)) return error(404, "no-such-user", aor.uri() + " is not a user");
        for (Subscription s : subscriptions.all()) {
            if (s.resource().equals(aor)) subscriptions.terminate(s.id(), TerminationReason.NORESOURCE);
        }
        return HttpResponse.of(204);
    }

    private ArrayNode userList() {
        ArrayNode out = json.createArrayNode();
        users.list().stream().map(u -> u.aor().uri()).sorted().forEach(aor -> out.addObject().put("aor", aor));
        return out;
    }

    private HttpResponse addUser(byte[] body) {
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (IOException e) {
            return error(400, "bad-json", "not valid JSON");
        }
        String aor = request.path("aor").asText("");
        String password = request.path("password").asText("");
        if (aor.isBlank() || password.isEmpty()) return error(400, "bad-request", "expected {\"aor\": \"sip:user@domain\", \"password\": \"...\"}");
        users.save(User.withPassword(Aor.parse(aor), password));
        return HttpResponse.json(201, json.createObjectNode().put("aor", Aor.parse(aor).uri()).toString());
    }

    private ArrayNode proxyList() {
        ArrayNode out = json.createArrayNode();
        for (ProxyEndpoint p : wakeup.proxies().all()) {
            ObjectNode o = out.addObject().put("id", p.id()).put("url", p.url().toString()).put("healthy", wakeup.health().healthy(p.id()));
            ArrayNode networks = o.putArray("networks");
            for (Network n : p.networks()) {
                ObjectNode net = networks.addObject().put("mcc", n.mcc()).put("mnc", n.mnc()).put("id", n.id());
                ArrayNode ranges = net.putArray("ranges");
                n.ranges().forEach(r -> ranges.add(r.toString()));
            }
        }
        return out;
    }

    /** {@code {"id", "url", "secret", "networks": [{"mcc", "mnc", "id"?, "ranges": [...]}]}}; replaces a proxy with the same id. */
    private HttpResponse addProxy(byte[] body) {
        JsonNode p;
        try {
            p = json.readTree(body);
        } catch (IOException e) {
            return error(400, "bad-json", "not valid JSON");
        }
        List<Network> networks = new ArrayList<>();
        for (JsonNode n : p.path("networks")) {
            List<Cidr> ranges = new ArrayList<>();
            for (JsonNode r : n.path("ranges")) ranges.add(Cidr.parse(r.asText()));
            networks.add(new Network(n.path("mcc").asText(), n.path("mnc").asText(), n.path("id").asText(""), ranges));
        }
        String id = p.path("id").asText("");
        String secret = p.path("secret").asText("");
        if (id.isBlank() || secret.length() < 16 || networks.isEmpty()) {
            return error(400, "bad-request", "a proxy needs an id, a secret of at least 16 characters and at least one network");
        }
        ProxyEndpoint proxy = new ProxyEndpoint(id, java.net.URI.create(p.path("url").asText("")), secret, networks);
        wakeup.proxies().save(proxy);
        wakeup.health().check(); // find out now whether it is up, rather than at the next round
        return HttpResponse.json(201, json.createObjectNode().put("id", id).toString());
    }

    private static long secondsUntil(Instant t, Instant now) {
        return Math.max(0, (t.toEpochMilli() - now.toEpochMilli() + 999) / 1000);
    }

    private static String query(HttpRequest request, String name) {
        for (String pair : request.query().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static HttpResponse ok(JsonNode body) {
        return HttpResponse.json(200, body.toString());
    }

    private static HttpResponse error(int status, String code, String reason) {
        return HttpResponse.json(status, json.createObjectNode().put("error", code).put("reason", reason).toString());
    }

    /** Keeps a generated password in the data directory, so it survives restarts and can be read by the operator. */
    public static String passwordIn(java.nio.file.Path dataDir) {
        java.nio.file.Path file = dataDir.resolve("admin.password");
        try {
            if (java.nio.file.Files.exists(file)) return java.nio.file.Files.readString(file).strip();
            byte[] random = new byte[18];
            new java.security.SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            java.nio.file.Files.createDirectories(dataDir);
            java.nio.file.Files.writeString(file, password + "\n");
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the admin password in " + file, e);
        }
    }
}
