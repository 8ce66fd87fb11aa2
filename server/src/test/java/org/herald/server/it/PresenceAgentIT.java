package org.herald.server.it;

import static org.herald.server.it.WatcherInfoIT.notifyOf;
import static org.herald.server.it.WatcherInfoIT.subscribe;
import static org.herald.server.it.XcapIT.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a presentity manages over HTTP besides its rules: permanent presence state (RFC 4827
 * pidf-manipulation over XCAP) composed with what its devices publish, and its composition policy.
 */
class PresenceAgentIT {
    private static final String CAROL = "carol-m@localhost";
    private static final String PERMANENT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:carol-m@localhost">
             <tuple id="perm"><status><basic>closed</basic></status><note>on vacation until Monday</note></tuple>
            </presence>
            """;
    private static final String PHONE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:carol-m@localhost">
             <tuple id="phone"><status><basic>open</basic></status><contact>sip:carol-m@192.0.2.7</contact></tuple>
            </presence>
            """;
    private static final ObjectMapper json = new ObjectMapper();
    private static TestServer open;
    private static TestServer digest;

    @BeforeAll
    static void start() {
        open = TestServer.start("auth.mode=open");
        digest = TestServer.start();
        digest.addUser("alice@localhost", "alice-secret");
        digest.addUser("bob@localhost", "bob-secret");
    }

    @AfterAll
    static void stop() {
        open.close();
        digest.close();
    }

    private static String permanentUri() {
        return "http://127.0.0.1:" + open.httpPort + "/xcap-root/pidf-manipulation/users/sip:" + CAROL + "/index";
    }

    @Test
    void permanentStateIsComposedWithPublicationsAndGoesWhenDeleted() throws Exception {
        try (RawSipClient carol = RawSipClient.udp(open.sipPort); RawSipClient dan = RawSipClient.udp(open.sipPort)) {
            assertEquals(200, subscribe(dan, "dan-m@localhost", CAROL, "presence", 600).status());
            assertFalse(notifyOf(dan, "presence", 200).bodyText().contains("<tuple"), "nothing known yet");

            HttpResponse<String> put = send("PUT", permanentUri(), null, null, "application/pidf+xml", Map.of(), PERMANENT);
            assertEquals(201, put.statusCode(), put.body());
            String permanent = notifyOf(dan, "presence", 200).bodyText();
            assertTrue(permanent.contains("id=\"perm\"") && permanent.contains("on vacation until Monday"), permanent);

            assertEquals(200, carol.request("PUBLISH", "sip:" + CAROL).from(CAROL).to(CAROL).header("Event", "presence")
                    .header("Expires", 600).body("application/pidf+xml", PHONE).send().status());
            String both = notifyOf(dan, "presence", 200).bodyText();
            assertTrue(both.contains("id=\"perm\"") && both.contains("id=\"phone\""), both);

            assertEquals(200, send("DELETE", permanentUri(), null, null, null, Map.of()).statusCode());
            String published = notifyOf(dan, "presence", 200).bodyText();
            assertTrue(published.contains("id=\"phone\"") && !published.contains("id=\"perm\""), published);
        }
    }

    private static String xcap(String auid, String user) {
        return "http://127.0.0.1:" + open.httpPort + "/xcap-root/" + auid + "/users/sip:" + user + "/index";
    }

    @Test
    void thePresentityAuthorizesWatcherInfoDelegatesInItsResourceLists() throws Exception {
        try (RawSipClient frank = RawSipClient.udp(open.sipPort)) {
            assertEquals(403, subscribe(frank, "frank-m@localhost", "gina-m@localhost", "presence.winfo", 600).status());
            String lists = "<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\"><list name=\"winfo-delegates\">"
                    + "<entry uri=\"sip:frank-m@localhost\"/></list></resource-lists>";
            assertEquals(201, send("PUT", xcap("resource-lists", "gina-m@localhost"), null, null, "application/resource-lists+xml",
                    Map.of(), lists).statusCode());
            assertEquals(200, subscribe(frank, "frank-m@localhost", "gina-m@localhost", "presence.winfo", 600).status());
            assertTrue(notifyOf(frank, "presence.winfo", 200).header("Subscription-State").orElseThrow().startsWith("active"));
        }
    }

    @Test
    void aRuleForAnotherSphereAppliesOnceThePresentityPublishesThatSphere() throws Exception {
        String rules = """
                <cr:ruleset xmlns:cr="urn:ietf:params:xml:ns:common-policy" xmlns:pr="urn:ietf:params:xml:ns:pres-rules">
                 <cr:rule id="family"><cr:conditions><cr:identity><cr:one id="sip:mom-m@localhost"/></cr:identity>
                  <cr:sphere value="home"/></cr:conditions>
                  <cr:actions><pr:sub-handling>allow</pr:sub-handling></cr:actions>
                  <cr:transformations><pr:provide-persons><pr:all-persons/></pr:provide-persons></cr:transformations></cr:rule>
                </cr:ruleset>""";
        assertEquals(201, send("PUT", xcap("pres-rules", "hank-m@localhost"), null, null, "application/auth-policy+xml", Map.of(), rules)
                .statusCode());
        String sphere = """
                <presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model"
                    xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid" entity="sip:hank-m@localhost">
                 <dm:person id="hank"><rpid:sphere><rpid:%s/></rpid:sphere></dm:person></presence>""";
        try (RawSipClient hank = RawSipClient.udp(open.sipPort); RawSipClient mom = RawSipClient.udp(open.sipPort)) {
            RawSipClient.Message published = hank.request("PUBLISH", "sip:hank-m@localhost").from("hank-m@localhost").to("hank-m@localhost")
                    .header("Event", "presence").header("Expires", 600).body("application/pidf+xml", sphere.formatted("work")).send();
            assertEquals(200, published.status());
            assertEquals(200, subscribe(mom, "mom-m@localhost", "hank-m@localhost", "presence", 600).status());
            assertTrue(notifyOf(mom, "presence", 200).header("Subscription-State").orElseThrow().startsWith("pending"),
                    "at work, the family rule does not apply");
            assertEquals(200, hank.request("PUBLISH", "sip:hank-m@localhost").from("hank-m@localhost").to("hank-m@localhost")
                    .header("Event", "presence").header("Expires", 600).header("SIP-If-Match", published.header("SIP-ETag").orElseThrow())
                    .body("application/pidf+xml", sphere.formatted("home")).send().status());
            RawSipClient.Message home = notifyOf(mom, "presence", 200);
            assertTrue(home.header("Subscription-State").orElseThrow().startsWith("active"), home::toString);
            assertTrue(home.bodyText().contains("id=\"hank\""), home::bodyText);
        }
    }

    @Test
    void aPresentityChoosesItsCompositionPolicy() throws Exception {
        String uri = "http://127.0.0.1:" + open.httpPort + "/composition-policy/sip:erin-m@localhost";
        JsonNode initial = json.readTree(send("GET", uri, null, null, null, Map.of()).body());
        assertEquals("union", initial.path("policy").asText());
        assertFalse(initial.path("chosen").asBoolean());

        HttpResponse<String> chosen = send("PUT", uri, null, null, "application/json", Map.of(), "{\"policy\":\"merge:contact\"}");
        assertEquals(200, chosen.statusCode(), chosen.body());
        assertEquals("merge:contact", json.readTree(chosen.body()).path("policy").asText());
        assertTrue(json.readTree(send("GET", uri, null, null, null, Map.of()).body()).path("chosen").asBoolean(), "stored");

        HttpResponse<String> unknown = send("PUT", uri, null, null, "application/json", Map.of(), "{\"policy\":\"loudest\"}");
        assertEquals(400, unknown.statusCode());
        assertEquals("unknown-policy", json.readTree(unknown.body()).path("error").asText());
        HttpResponse<String> garbage = send("PUT", uri, null, null, "application/json", Map.of(), "{policy");
        assertEquals("bad-json", json.readTree(garbage.body()).path("error").asText());
        assertEquals("merge:contact", json.readTree(send("GET", uri, null, null, null, Map.of()).body()).path("policy").asText(),
                "bad input changed nothing");

        HttpResponse<String> reset = send("DELETE", uri, null, null, null, Map.of());
        assertEquals(200, reset.statusCode());
        assertFalse(json.readTree(reset.body()).path("chosen").asBoolean());
    }

    @Test
    void onlyThePresentityItselfMayChooseWithItsSipCredentials() throws Exception {
        String uri = "http://127.0.0.1:" + digest.httpPort + "/composition-policy/sip:alice@localhost";
        HttpResponse<String> anonymous = send("GET", uri, null, null, null, Map.of());
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Digest "));
        assertEquals(403, send("PUT", uri, "bob", "bob-secret", "application/json", Map.of(), "{\"policy\":\"overriding\"}")
                .statusCode());
        HttpResponse<String> own = send("PUT", uri, "alice", "alice-secret", "application/json", Map.of(), "{\"policy\":\"overriding\"}");
        assertEquals(200, own.statusCode(), own.body());
        assertEquals("overriding", json.readTree(own.body()).path("policy").asText());
    }
}
