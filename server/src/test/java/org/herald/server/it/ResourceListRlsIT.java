package org.herald.server.it;

import static org.herald.server.it.WatcherInfoIT.notifyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Resource list subscriptions (RFC 4662) over real sockets: a user defines a list service in its
 * rls-services document over XCAP, subscribes to it with Supported: eventlist and gets multipart/related
 * NOTIFYs with an RLMI document and the members' presence, each member's privacy rules applied.
 */
class ResourceListRlsIT {
    private static final HttpClient http = HttpClient.newHttpClient();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("auth.mode=open");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void put(String auid, String user, String type, String document) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.httpPort + "/xcap-root/" + auid + "/users/sip:" + user + "/index");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofString(document)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() == 200 || r.statusCode() == 201, r.statusCode() + " " + r.body());
    }

    private static void publish(RawSipClient client, String aor, String note) {
        assertEquals(200, client.request("PUBLISH", "sip:" + aor).from(aor).to(aor).header("Event", "presence")
                .header("Expires", 600).body("application/pidf+xml", WatcherFilterIT.pidf(aor, "open", "open", note)).send().status());
    }

    private static RawSipClient.Request subscribe(RawSipClient client, String user, String list) {
        return client.request("SUBSCRIBE", "sip:" + list).from(user).to(list)
                .header("Contact", "<" + client.contactUri(user.substring(0, user.indexOf('@'))) + ">")
                .header("Event", "presence").header("Expires", 600)
                .header("Accept", "application/pidf+xml, application/rlmi+xml, multipart/related");
    }

    /** Takes list NOTIFYs until one's body contains every text. */
    private static RawSipClient.Message listNotify(RawSipClient client, String... texts) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            RawSipClient.Message n = notifyOf(client, "presence", 200);
            String body = n.bodyText();
            boolean all = true;
            for (String t : texts) all &= body.contains(t);
            if (all || System.nanoTime() > deadline) return n;
        }
    }

    @Test
    void aListSubscriptionGetsEveryMembersPresenceInOneNotify() throws Exception {
        String owner = "rls-owner@localhost";
        put("rls-services", owner, "application/rls-services+xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rls-services xmlns=\"urn:ietf:params:xml:ns:rls-services\""
                        + " xmlns:rl=\"urn:ietf:params:xml:ns:resource-lists\"><service uri=\"sip:rls-friends@localhost\">"
                        + "<list name=\"friends\"><rl:entry uri=\"sip:rls-bob@localhost\"/><rl:entry uri=\"sip:rls-carol@localhost\"/></list>"
                        + "<packages><package>presence</package></packages></service></rls-services>");
        try (RawSipClient owners = RawSipClient.udp(server.sipPort); RawSipClient bob = RawSipClient.udp(server.sipPort);
             RawSipClient carol = RawSipClient.udp(server.sipPort); RawSipClient mallory = RawSipClient.udp(server.sipPort)) {
            publish(bob, "rls-bob@localhost", "bob-here");
            publish(carol, "rls-carol@localhost", "carol-here");

            RawSipClient.Message withoutEventlist = owners.request("SUBSCRIBE", "sip:rls-friends@localhost").from(owner)
                    .to("rls-friends@localhost").header("Contact", "<" + owners.contactUri("rls-owner") + ">")
                    .header("Event", "presence").header("Expires", 600).send();
            assertEquals(421, withoutEventlist.status());
            assertEquals("eventlist", withoutEventlist.header("Require").orElse("").trim());

            assertEquals(403, subscribe(mallory, "rls-mallory@localhost", "rls-friends@localhost")
                    .header("Supported", "eventlist").send().status(), "only the owner may subscribe to its list");

            assertEquals(200, subscribe(owners, owner, "rls-friends@localhost").header("Supported", "eventlist").send().status());
            RawSipClient.Message first = listNotify(owners, "bob-here", "carol-here");
            assertTrue(first.header("Content-Type").orElseThrow().startsWith("multipart/related"), first::toString);
            assertTrue(first.header("Require").orElse("").contains("eventlist"), first::toString);
            String body = first.bodyText();
            assertTrue(body.contains("<list xmlns=\"urn:ietf:params:xml:ns:rlmi\" uri=\"sip:rls-friends@localhost\""), body);
            assertTrue(body.contains("<resource uri=\"sip:rls-bob@localhost\">") && body.contains("state=\"active\""), body);
            assertTrue(body.contains("bob-here") && body.contains("carol-here"), body);

            publish(carol, "rls-carol@localhost", "carol-away");
            assertTrue(body.contains("fullState=\"true\""), body);
            String partial = listNotify(owners, "carol-away").bodyText();
            assertTrue(partial.contains("fullState=\"false\"") && !partial.contains("bob-here"), "partial state, carol only: " + partial);

            // carol's own rules block the list's owner: inside the list she is terminated and shows nothing
            put("pres-rules", "rls-carol@localhost", "application/auth-policy+xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<cr:ruleset xmlns:cr=\"urn:ietf:params:xml:ns:common-policy\""
                            + " xmlns:pr=\"urn:ietf:params:xml:ns:pres-rules\"><cr:rule id=\"no\"><cr:conditions><cr:identity>"
                            + "<cr:one id=\"sip:" + owner + "\"/></cr:identity></cr:conditions>"
                            + "<cr:actions><pr:sub-handling>block</pr:sub-handling></cr:actions></cr:rule></cr:ruleset>");
            String blocked = listNotify(owners, "reason=\"rejected\"").bodyText();
            assertTrue(blocked.contains("reason=\"rejected\"") && !blocked.contains("carol-away"), blocked);

            URI document = URI.create("http://127.0.0.1:" + server.httpPort + "/xcap-root/rls-services/users/sip:" + owner + "/index");
            assertEquals(200, http.send(HttpRequest.newBuilder(document).DELETE().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            RawSipClient.Message last = owners.await(m -> !m.isResponse() && m.method().equals("NOTIFY")
                    && m.header("Subscription-State").orElse("").startsWith("terminated"), Duration.ofSeconds(5), "the final NOTIFY");
            assertEquals("terminated;reason=noresource", last.header("Subscription-State").orElseThrow().trim());
        }
    }
}
