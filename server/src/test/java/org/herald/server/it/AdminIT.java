package org.herald.server.it;

import static org.herald.server.it.WatcherInfoIT.notifyOf;
import static org.herald.server.it.WatcherInfoIT.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin API and console: JSON views of registrations, presentities and subscriptions with the
 * operator's actions, and the console page in a real headless Chromium, which loads, shows the
 * state the test created and follows it as it changes.
 */
class AdminIT {
    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("ops:s3cret".getBytes(StandardCharsets.UTF_8));
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper json = new ObjectMapper();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("auth.mode=open", "admin.user=ops", "admin.password=s3cret");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> call(String method, String path, String body, boolean credentials) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (credentials) b.header("Authorization", BASIC);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = call("GET", path, null, true);
        assertEquals(200, r.statusCode(), r.body());
        return json.readTree(r.body());
    }

    private static int register(RawSipClient phone, String user, int expires) {
        return phone.request("REGISTER", "sip:localhost").from(user + "@localhost").to(user + "@localhost")
                .header("Contact", "<" + phone.contactUri(user) + ">").header("Expires", expires).send().status();
    }

    @Test
    void withoutCredentialsNothingIsShown() throws Exception {
        HttpResponse<String> console = call("GET", "/admin", null, false);
        assertEquals(401, console.statusCode());
        assertTrue(console.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Basic realm="));
        assertEquals(401, call("GET", "/admin/api/registrations", null, false).statusCode());
        assertEquals("unauthorized", json.readTree(call("GET", "/admin/api/users", null, false).body()).path("error").asText());
    }

    @Test
    void theApiShowsAndChangesState() throws Exception {
        try (RawSipClient phone = RawSipClient.udp(server.sipPort); RawSipClient watcher = RawSipClient.udp(server.sipPort)) {
            assertEquals(200, register(phone, "api-a", 600));
            JsonNode regs = get("/admin/api/registrations");
            JsonNode a = null;
            for (JsonNode r : regs) if (r.path("aor").asText().equals("sip:api-a@localhost")) a = r;
            assertTrue(a != null, regs::toString);
            assertEquals("udp", a.path("bindings").get(0).path("transport").asText());

            assertEquals(200, subscribe(watcher, "api-w@localhost", "api-a@localhost", "presence", 600).status());
            notifyOf(watcher, "presence", 200);
            String id = null;
            for (JsonNode s : get("/admin/api/subscriptions")) if (s.path("watcher").asText().equals("sip:api-w@localhost")) id = s.path("id").asText();
            assertTrue(id != null);
            boolean listed = false;
            for (JsonNode p : get("/admin/api/presentities")) {
                if (p.path("presentity").asText().equals("sip:api-a@localhost")) {
                    listed = p.path("watchers").get(0).path("state").asText().equals("active") && p.path("document").asText().contains("<presence");
                }
            }
            assertTrue(listed, "the presentity with its watcher and composed document");

            assertEquals("bad-reason", json.readTree(call("DELETE", "/admin/api/subscriptions/" + id + "?reason=bored", null, true).body())
                    .path("error").asText());
            assertEquals(204, call("DELETE", "/admin/api/subscriptions/" + id + "?reason=probation", null, true).statusCode());
            assertEquals("terminated;reason=probation", notifyOf(watcher, "presence", 200).header("Subscription-State").orElseThrow().trim());
            assertEquals(404, call("DELETE", "/admin/api/subscriptions/" + id, null, true).statusCode());

            assertEquals(204, call("DELETE", "/admin/api/registrations/sip:api-a@localhost", null, true).statusCode());
            assertFalse(get("/admin/api/registrations").toString().contains("sip:api-a@localhost"));

            assertEquals(201, call("POST", "/admin/api/users", "{\"aor\":\"sip:newbie@localhost\",\"password\":\"pw\"}", true).statusCode());
            assertEquals(200, subscribe(watcher, "api-w@localhost", "newbie@localhost", "presence", 600).status());
            notifyOf(watcher, "presence", 200);
            assertTrue(get("/admin/api/users").toString().contains("sip:newbie@localhost"));
            assertEquals("bad-json", json.readTree(call("POST", "/admin/api/users", "{nope", true).body()).path("error").asText());
            assertEquals(204, call("DELETE", "/admin/api/users/sip:newbie@localhost", null, true).statusCode());
            assertEquals("terminated;reason=noresource", notifyOf(watcher, "presence", 200).header("Subscription-State").orElseThrow().trim(),
                    "a removed user is no resource: its watchers are told");
            assertEquals(404, call("DELETE", "/admin/api/users/sip:newbie@localhost", null, true).statusCode());
            assertEquals("no-such-resource", json.readTree(call("GET", "/admin/api/nothing", null, true).body()).path("error").asText());
        }
    }

    @Test
    void wakeupProxiesAreManagedAndCheckedThroughTheApi() throws Exception {
        var networks = List.of(new org.herald.wakeup.Network("214", "07", "lab", List.of(org.herald.wakeup.Cidr.parse("127.0.0.0/8"))));
        try (var proxy = org.herald.wakeup.WakeupProxy.start(org.herald.wakeup.WakeupProxyConfig.of("127.0.0.1", 0,
                org.herald.wakeup.WakeupProxyConfig.Tls.NONE, "admin-it-secret-123", networks), java.time.InstantSource.system())) {
            String body = "{\"id\":\"lab\",\"url\":\"http://127.0.0.1:" + proxy.port() + "\",\"secret\":\"admin-it-secret-123\","
                    + "\"networks\":[{\"mcc\":\"214\",\"mnc\":\"07\",\"ranges\":[\"127.0.0.0/8\"]}]}";
            assertEquals(201, call("POST", "/admin/api/wakeup-proxies", body, true).statusCode());
            JsonNode listed = null;
            for (int i = 0; i < 50; i++) { // the first check runs as the proxy is added
                listed = get("/admin/api/wakeup-proxies").get(0);
                if (listed.path("healthy").asBoolean()) break;
                Thread.sleep(50);
            }
            assertEquals("lab", listed.path("id").asText());
            assertTrue(listed.path("healthy").asBoolean(), listed::toString);
            assertEquals("127.0.0.0/8", listed.path("networks").get(0).path("ranges").get(0).asText());
            String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(metrics.contains("herald_wakeup_proxies{health=\"up\"} 1"), metrics);
            assertEquals(400, call("POST", "/admin/api/wakeup-proxies", "{\"id\":\"x\",\"secret\":\"short\"}", true).statusCode());
            assertEquals(204, call("DELETE", "/admin/api/wakeup-proxies/lab", null, true).statusCode());
            assertEquals(0, get("/admin/api/wakeup-proxies").size());
        }
    }

    @Test
    void watcherInfoShowsWhyAnOperatorEndedASubscription() throws Exception {
        try (RawSipClient alice = RawSipClient.udp(server.sipPort); RawSipClient bob = RawSipClient.udp(server.sipPort)) {
            assertEquals(200, subscribe(alice, "winfo-a@localhost", "winfo-a@localhost", "presence.winfo", 600).status());
            notifyOf(alice, "presence.winfo", 200);
            for (String reason : new String[] {"deactivated", "probation", "noresource"}) {
                assertEquals(200, subscribe(bob, "winfo-b@localhost", "winfo-a@localhost", "presence", 600).status());
                notifyOf(bob, "presence", 200);
                notifyOf(alice, "presence.winfo", 200); // bob subscribed
                String id = null;
                for (JsonNode s : get("/admin/api/subscriptions")) {
                    if (s.path("watcher").asText().equals("sip:winfo-b@localhost") && s.path("event").asText().equals("presence")) {
                        id = s.path("id").asText();
                    }
                }
                assertEquals(204, call("DELETE", "/admin/api/subscriptions/" + id + "?reason=" + reason, null, true).statusCode());
                notifyOf(bob, "presence", 200);
                WatcherInfoIT.Watcher w = WatcherInfoIT.parse(notifyOf(alice, "presence.winfo", 200)).watchers().get(0);
                assertEquals(List.of("terminated", reason), List.of(w.status(), w.event()));
            }
        }
    }

    @Test
    void theConsoleInChromiumShowsTheStateAndFollowsIt() throws Exception {
        try (RawSipClient phone = RawSipClient.udp(server.sipPort); RawSipClient watcher = RawSipClient.udp(server.sipPort);
             Chromium chromium = Chromium.start()) {
            assertEquals(200, register(phone, "console-a", 600));
            assertEquals(200, subscribe(watcher, "console-w@localhost", "console-a@localhost", "presence", 600).status());
            notifyOf(watcher, "presence", 200);

            chromium.headers(Map.of("Authorization", BASIC));
            chromium.navigate("http://127.0.0.1:" + server.httpPort + "/admin");
            String registrations = "document.querySelector('#registrations tbody')?.innerText ?? ''";
            assertTrue(chromium.await(registrations, t -> t.contains("sip:console-a@localhost"), Duration.ofSeconds(10))
                    .contains("sip:console-a@localhost"), "the console lists the registration");
            String subscriptions = chromium.evaluate("document.querySelector('#subscriptions tbody').innerText");
            assertTrue(subscriptions.contains("sip:console-w@localhost") && subscriptions.contains("active"), subscriptions);
            String presentities = chromium.evaluate("document.querySelector('#presentities tbody').innerText");
            assertTrue(presentities.contains("sip:console-a@localhost") && presentities.contains("<presence"), presentities);

            assertEquals(200, register(phone, "console-b", 600)); // a change after the page loaded, without reloading it
            assertTrue(chromium.await(registrations, t -> t.contains("sip:console-b@localhost"), Duration.ofSeconds(10))
                    .contains("sip:console-b@localhost"), "the console follows new registrations");
            assertEquals(200, register(phone, "console-a", 0));
            assertFalse(chromium.await(registrations, t -> !t.contains("sip:console-a@localhost"), Duration.ofSeconds(10))
                    .contains("sip:console-a@localhost"), "and removed ones");
            assertTrue(chromium.evaluate("document.getElementById('status').innerText").startsWith("updated"));
        }
    }
}
