package org.herald.server.it;

import static org.herald.server.it.WatcherInfoIT.notifyOf;
import static org.herald.server.it.WatcherInfoIT.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Privacy rules end to end (RFC 5025 over XCAP, RFC 3857 watcher-info): a presentity PUTs its
 * pres-rules over HTTP; a blocked watcher is rejected, a polite-blocked one sees a neutral closed
 * document, a confirm-watcher stays pending until the rules change, a watcher allowed persons only
 * sees no device or service; the presentity's watcher-info subscription sees all of it happen.
 */
class PrivacyIT {
    private static final String ALICE = "alice-p@localhost";
    private static final String PIDF = """
            <?xml version="1.0" encoding="UTF-8"?>
            <presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model"
                      xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid" entity="sip:alice-p@localhost">
              <tuple id="sg89ae"><status><basic>open</basic></status><dm:deviceID>mac:8asd7d7d70</dm:deviceID>
                <contact>sip:alice-p@192.0.2.1</contact></tuple>
              <dm:person id="p1"><rpid:activities><rpid:on-the-phone/></rpid:activities></dm:person>
              <dm:device id="pc122"><dm:deviceID>mac:8asd7d7d70</dm:deviceID></dm:device>
            </presence>
            """;
    private static final HttpClient http = HttpClient.newHttpClient();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("auth.mode=open"); // XCAP then trusts the XUI as SIP trusts From; XcapIT covers digest
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String rules(String erinHandling) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <cr:ruleset xmlns:cr="urn:ietf:params:xml:ns:common-policy" xmlns:pr="urn:ietf:params:xml:ns:pres-rules">
                 %s%s%s
                 <cr:rule id="persons-only">
                  <cr:conditions><cr:identity><cr:one id="sip:bob-p@localhost"/></cr:identity></cr:conditions>
                  <cr:actions><pr:sub-handling>allow</pr:sub-handling></cr:actions>
                  <cr:transformations><pr:provide-persons><pr:all-persons/></pr:provide-persons>
                   <pr:provide-activities>true</pr:provide-activities></cr:transformations>
                 </cr:rule>
                </cr:ruleset>
                """.formatted(rule("blocked", "carol-p", "block", false), rule("polite", "dave-p", "polite-block", false),
                rule("ask", "erin-p", erinHandling, erinHandling.equals("allow")));
    }

    private static String rule(String id, String user, String handling, boolean everything) {
        String transformations = everything ? """
                <cr:transformations><pr:provide-persons><pr:all-persons/></pr:provide-persons>
                 <pr:provide-devices><pr:all-devices/></pr:provide-devices><pr:provide-services><pr:all-services/></pr:provide-services>
                 <pr:provide-all-attributes/></cr:transformations>""" : "";
        return "<cr:rule id=\"" + id + "\"><cr:conditions><cr:identity><cr:one id=\"sip:" + user + "@localhost\"/></cr:identity>"
                + "</cr:conditions><cr:actions><pr:sub-handling>" + handling + "</pr:sub-handling></cr:actions>"
                + transformations + "</cr:rule>\n";
    }

    private static int putRules(String document) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.httpPort + "/xcap-root/pres-rules/users/sip:" + ALICE + "/index");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/auth-policy+xml")
                .PUT(HttpRequest.BodyPublishers.ofString(document)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() == 200 || r.statusCode() == 201, r.statusCode() + " " + r.body());
        return r.statusCode();
    }

    /** Reads alice's watcher-info NOTIFYs until one shows {@code watcher} as wanted. */
    private static WatcherInfoIT.Watcher winfoUntil(RawSipClient alice, String watcher, Predicate<WatcherInfoIT.Watcher> wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            for (WatcherInfoIT.Watcher w : WatcherInfoIT.parse(notifyOf(alice, "presence.winfo", 200)).watchers()) {
                if (w.uri().equals("sip:" + watcher) && wanted.test(w)) return w;
            }
        }
        throw new AssertionError("watcher-info never showed " + watcher + " as wanted");
    }

    @Test
    void rulesWrittenOverXcapDecideWhatEachWatcherSees() throws Exception {
        try (RawSipClient alice = RawSipClient.udp(server.sipPort); RawSipClient bob = RawSipClient.udp(server.sipPort);
             RawSipClient carol = RawSipClient.udp(server.sipPort); RawSipClient dave = RawSipClient.udp(server.sipPort);
             RawSipClient erin = RawSipClient.udp(server.sipPort)) {
            assertEquals(201, putRules(rules("confirm")));
            assertEquals(200, alice.request("PUBLISH", "sip:" + ALICE).from(ALICE).to(ALICE).header("Event", "presence")
                    .header("Expires", 600).body("application/pidf+xml", PIDF).send().status());
            assertEquals(200, subscribe(alice, ALICE, ALICE, "presence.winfo", 600).status());
            notifyOf(alice, "presence.winfo", 200);

            assertEquals(403, subscribe(carol, "carol-p@localhost", ALICE, "presence", 600).status(), "block: rejected");

            assertEquals(200, subscribe(dave, "dave-p@localhost", ALICE, "presence", 600).status());
            RawSipClient.Message politely = notifyOf(dave, "presence", 200);
            assertTrue(politely.header("Subscription-State").orElseThrow().startsWith("active"), politely::toString);
            String neutral = politely.bodyText();
            assertTrue(neutral.contains("<basic>closed</basic>"), neutral);
            for (String leak : new String[] {"sg89ae", "on-the-phone", "8asd7d7d70", "192.0.2.1", "p1"}) {
                assertFalse(neutral.contains(leak), () -> "polite-block leaks " + leak + ": " + neutral);
            }

            assertEquals(200, subscribe(bob, "bob-p@localhost", ALICE, "presence", 600).status());
            String personsOnly = notifyOf(bob, "presence", 200).bodyText();
            assertTrue(personsOnly.contains("on-the-phone") && personsOnly.contains("p1"), personsOnly);
            assertFalse(personsOnly.contains("<tuple") || personsOnly.contains("sg89ae") || personsOnly.contains("pc122")
                    || personsOnly.contains("8asd7d7d70"), () -> "provide-persons only shows a service or device: " + personsOnly);

            assertEquals(200, subscribe(erin, "erin-p@localhost", ALICE, "presence", 600).status());
            RawSipClient.Message waiting = notifyOf(erin, "presence", 200);
            assertTrue(waiting.header("Subscription-State").orElseThrow().startsWith("pending"), waiting::toString);
            assertEquals(0, waiting.body().length, "a pending watcher learns nothing");
            assertEquals("pending", winfoUntil(alice, "erin-p@localhost", w -> w.status().equals("pending")).status());

            assertEquals(200, putRules(rules("allow")));
            RawSipClient.Message approved = notifyOf(erin, "presence", 200);
            assertTrue(approved.header("Subscription-State").orElseThrow().startsWith("active"), approved::toString);
            assertTrue(approved.bodyText().contains("sg89ae") && approved.bodyText().contains("on-the-phone"), approved::bodyText);
            WatcherInfoIT.Watcher nowActive = winfoUntil(alice, "erin-p@localhost", w -> w.status().equals("active"));
            assertEquals("approved", nowActive.event());

            // a change only devices and services show: bob (persons only) and dave (polite-block) hear nothing
            String moved = PIDF.replace("192.0.2.1", "192.0.2.99");
            assertEquals(200, alice.request("PUBLISH", "sip:" + ALICE).from(ALICE).to(ALICE).header("Event", "presence")
                    .header("Expires", 600).body("application/pidf+xml", moved).send().status());
            assertTrue(notifyOf(erin, "presence", 200).bodyText().contains("192.0.2.99"));
            Predicate<RawSipClient.Message> aNotify = m -> !m.isResponse() && m.method().equals("NOTIFY");
            assertTrue(bob.poll(aNotify, Duration.ofMillis(500)).isEmpty(), "bob cannot see what changed");
            assertTrue(dave.poll(aNotify, Duration.ofMillis(100)).isEmpty(), "nor can dave, nor when");

            assertEquals(200, putRules(rules("block")));
            RawSipClient.Message ended = notifyOf(erin, "presence", 200);
            assertEquals("terminated;reason=rejected", ended.header("Subscription-State").orElseThrow().trim());
            assertEquals("rejected", winfoUntil(alice, "erin-p@localhost", w -> w.status().equals("terminated")).event());
        }
    }
}
