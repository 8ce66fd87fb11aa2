package org.herald.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Watcher-info (RFC 3857, RFC 3858) over real sockets: a presentity subscribes to its own
 * {@code presence.winfo} and sees watchers of its presence come and go, in versioned full and partial
 * documents.
 */
class WatcherInfoIT {
    private static final String WINFO = "application/watcherinfo+xml";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("auth.mode=open");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A parsed watcher-info document: version, state and the watchers of its one list. */
    record Winfo(long version, String state, String resource, List<Watcher> watchers) {}

    record Watcher(String id, String status, String event, String uri) {}

    static Winfo parse(RawSipClient.Message notify) {
        assertEquals(WINFO, notify.header("Content-Type").orElse("").trim(), () -> notify.toString());
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = f.newDocumentBuilder().parse(new ByteArrayInputStream(notify.body())).getDocumentElement();
            assertEquals("urn:ietf:params:xml:ns:watcherinfo", root.getNamespaceURI());
            Element list = (Element) root.getElementsByTagNameNS("*", "watcher-list").item(0);
            assertEquals("presence", list.getAttribute("package"));
            List<Watcher> watchers = new ArrayList<>();
            NodeList nodes = list.getElementsByTagNameNS("*", "watcher");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element w = (Element) nodes.item(i);
                watchers.add(new Watcher(w.getAttribute("id"), w.getAttribute("status"), w.getAttribute("event"),
                        w.getTextContent().trim()));
            }
            return new Winfo(Long.parseLong(root.getAttribute("version")), root.getAttribute("state"),
                    list.getAttribute("resource"), watchers);
        } catch (Exception e) {
            throw new AssertionError("not a watcher-info document:\n" + notify, e);
        }
    }

    /** Subscribes {@code user} to {@code resource}'s {@code event} from this client and returns the 200. */
    static RawSipClient.Message subscribe(RawSipClient client, String user, String resource, String event, int expires) {
        return client.request("SUBSCRIBE", "sip:" + resource).from(user).to(resource)
                .header("Contact", "<" + client.contactUri(user.substring(0, user.indexOf('@'))) + ">")
                .header("Event", event).header("Expires", expires).send();
    }

    /** Takes the next NOTIFY of this event package and answers it. */
    static RawSipClient.Message notifyOf(RawSipClient client, String event, int status) {
        RawSipClient.Message n = client.await(m -> !m.isResponse() && m.method().equals("NOTIFY")
                && m.header("Event").orElse("").equals(event), java.time.Duration.ofSeconds(5), "a NOTIFY of " + event);
        client.reply(n, status, status == 200 ? "OK" : "Server Error");
        return n;
    }

    @Test
    void aPresentitySeesAWatcherSubscribeAndLeave() {
        try (RawSipClient alice = RawSipClient.udp(server.sipPort); RawSipClient bob = RawSipClient.udp(server.sipPort)) {
            assertEquals(200, subscribe(alice, "alice-w@localhost", "alice-w@localhost", "presence.winfo", 600).status());
            RawSipClient.Message first = notifyOf(alice, "presence.winfo", 200);
            assertTrue(first.header("Subscription-State").orElse("").startsWith("active"), () -> first.toString());
            Winfo initial = parse(first);
            assertEquals(0, initial.version());
            assertEquals("full", initial.state());
            assertEquals("sip:alice-w@localhost", initial.resource());
            assertTrue(initial.watchers().isEmpty());

            RawSipClient.Request watch = bob.request("SUBSCRIBE", "sip:alice-w@localhost").from("bob-w@localhost").to("alice-w@localhost")
                    .header("Contact", "<" + bob.contactUri("bob-w") + ">").header("Event", "presence").header("Expires", 600);
            RawSipClient.Message accepted = watch.send();
            assertEquals(200, accepted.status());
            notifyOf(bob, "presence", 200);
            Winfo subscribed = parse(notifyOf(alice, "presence.winfo", 200));
            assertEquals(1, subscribed.version());
            assertEquals("partial", subscribed.state());
            Watcher w = subscribed.watchers().get(0);
            assertEquals(List.of("active", "subscribe", "sip:bob-w@localhost"), List.of(w.status(), w.event(), w.uri()),
                    "no rules yet: allowed at once");

            RawSipClient.Message unsubscribed = bob.request("SUBSCRIBE", "sip:alice-w@localhost").from("bob-w@localhost")
                    .fromTag(watch.fromTag()).to("alice-w@localhost").toTag(accepted.tag("To").orElseThrow())
                    .callId(watch.callId()).cseq(2).header("Contact", "<" + bob.contactUri("bob-w") + ">")
                    .header("Event", "presence").header("Expires", 0).send();
            assertEquals(200, unsubscribed.status());
            notifyOf(bob, "presence", 200);
            Winfo left = parse(notifyOf(alice, "presence.winfo", 200));
            assertEquals(2, left.version());
            assertEquals("partial", left.state());
            assertEquals(List.of(new Watcher(w.id(), "terminated", "timeout", "sip:bob-w@localhost")), left.watchers());
        }
    }

    @Test
    void onlyThePresentityMaySeeItsWatchers() {
        try (RawSipClient mallory = RawSipClient.udp(server.sipPort)) {
            assertEquals(403, subscribe(mallory, "mallory@localhost", "victim@localhost", "presence.winfo", 600).status());
        }
    }

    @Test
    void aRefusedNotifyIsFollowedByFullStateAndAFetchGetsFullStateOnce() {
        try (RawSipClient carol = RawSipClient.udp(server.sipPort); RawSipClient dave = RawSipClient.udp(server.sipPort);
             RawSipClient erin = RawSipClient.udp(server.sipPort)) {
            assertEquals(200, subscribe(carol, "carol-w@localhost", "carol-w@localhost", "presence.winfo", 600).status());
            notifyOf(carol, "presence.winfo", 200);

            assertEquals(200, subscribe(dave, "dave-w@localhost", "carol-w@localhost", "presence", 600).status());
            notifyOf(dave, "presence", 200);
            Winfo refused = parse(notifyOf(carol, "presence.winfo", 500));
            assertEquals("partial", refused.state());

            assertEquals(200, subscribe(erin, "erin-w@localhost", "carol-w@localhost", "presence", 600).status());
            notifyOf(erin, "presence", 200);
            Winfo full = parse(notifyOf(carol, "presence.winfo", 200));
            assertEquals("full", full.state(), "after a NOTIFY that was not taken");
            assertEquals(2, full.version());
            assertEquals(List.of("sip:dave-w@localhost", "sip:erin-w@localhost"), full.watchers().stream().map(Watcher::uri).toList());

            try (RawSipClient fetcher = RawSipClient.udp(server.sipPort)) {
                assertEquals(200, subscribe(fetcher, "carol-w@localhost", "carol-w@localhost", "presence.winfo", 0).status());
                RawSipClient.Message once = notifyOf(fetcher, "presence.winfo", 200);
                assertTrue(once.header("Subscription-State").orElse("").startsWith("terminated"), () -> once.toString());
                Winfo fetched = parse(once);
                assertEquals("full", fetched.state());
                assertEquals(2, fetched.watchers().size());
            }
        }
    }
}
