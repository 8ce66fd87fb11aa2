package org.herald.server.it;

import static org.herald.server.it.WatcherInfoIT.notifyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Watcher filters (RFC 4660, RFC 4661) over real sockets: a SUBSCRIBE carrying an
 * application/simple-filter+xml filter set gets only what its filters select, only when their
 * triggers fire; bad filters are answered 400, 415 or 488; a refresh's filter replaces the old one.
 */
class WatcherFilterIT {
    private static final String FILTER = "application/simple-filter+xml";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("auth.mode=open");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String pidf(String entity, String basicIm, String basicVoice, String note) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"pres:" + entity + "\">"
                + "<tuple id=\"im\"><status><basic>" + basicIm + "</basic></status><contact>im:" + entity + "</contact>"
                + "<note>" + note + "</note></tuple>"
                + "<tuple id=\"voice\"><status><basic>" + basicVoice + "</basic></status><contact>sip:" + entity + "</contact></tuple>"
                + "</presence>";
    }

    static String filterSet(String filters) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<filter-set xmlns=\"urn:ietf:params:xml:ns:simple-filter\" package=\"presence\">"
                + "<ns-bindings><ns-binding prefix=\"pidf\" urn=\"urn:ietf:params:xml:ns:pidf\"/></ns-bindings>" + filters + "</filter-set>";
    }

    static final String IM_BASIC = filterSet("<filter id=\"im-basic\"><what>"
            + "<include type=\"xpath\">/pidf:presence/pidf:tuple[starts-with(pidf:contact,'im:')]/pidf:status/pidf:basic</include>"
            + "</what></filter>");

    /**
     * Takes NOTIFYs (answering 200) until one contains the text: the 200 to PUBLISH goes out before
     * the presentity is composed, so a SUBSCRIBE right after it may first see the state before.
     */
    static RawSipClient.Message notifyContaining(RawSipClient client, String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            RawSipClient.Message n = notifyOf(client, "presence", 200);
            if (n.bodyText().contains(text) || System.nanoTime() > deadline) return n;
        }
    }

    private static void publish(RawSipClient client, String aor, String body, String etag) {
        RawSipClient.Request r = client.request("PUBLISH", "sip:" + aor).from(aor).to(aor).header("Event", "presence")
                .header("Expires", 600).body("application/pidf+xml", body);
        if (etag != null) r.header("SIP-If-Match", etag);
        RawSipClient.Message ok = r.send();
        assertEquals(200, ok.status(), ok::toString);
    }

    private static RawSipClient.Request subscribe(RawSipClient client, String user, String resource, String filter) {
        RawSipClient.Request r = client.request("SUBSCRIBE", "sip:" + resource).from(user).to(resource)
                .header("Contact", "<" + client.contactUri(user.substring(0, user.indexOf('@'))) + ">")
                .header("Event", "presence").header("Expires", 600);
        if (filter != null) r.body(FILTER, filter);
        return r;
    }

    @Test
    void aWatcherWhoseFilterSelectsTheBasicOfImTuplesGetsOnlyThatAndOnlyWhenItChanges() {
        String presentity = "fil-alice@localhost";
        try (RawSipClient alice = RawSipClient.udp(server.sipPort); RawSipClient bob = RawSipClient.udp(server.sipPort);
             RawSipClient carol = RawSipClient.tcp(server.sipPort)) {
            publish(alice, presentity, pidf(presentity, "open", "open", "reading"), null);

            assertEquals(200, subscribe(bob, "fil-bob@localhost", presentity, IM_BASIC).send().status());
            String first = notifyContaining(bob, "<basic>open</basic>").bodyText();
            assertTrue(first.contains("<tuple id=\"im\"><status><basic>open</basic></status></tuple>"), first);
            assertFalse(first.contains("voice") || first.contains("note") || first.contains("contact"), first);

            assertEquals(200, subscribe(carol, "fil-carol@localhost", presentity, null).send().status());
            assertTrue(notifyContaining(carol, "reading").bodyText().contains("reading"));

            // the voice tuple and the note change: bob's filter sees nothing new, carol sees it all
            publish(alice, presentity, pidf(presentity, "open", "closed", "on the phone"), null);
            assertTrue(notifyOf(carol, "presence", 200).bodyText().contains("on the phone"));
            assertTrue(bob.poll(m -> !m.isResponse() && m.method().equals("NOTIFY"), Duration.ofMillis(700)).isEmpty(),
                    "no NOTIFY for a change the filter does not select");

            publish(alice, presentity, pidf(presentity, "closed", "closed", "gone"), null);
            String closed = notifyOf(bob, "presence", 200).bodyText();
            assertTrue(closed.contains("<tuple id=\"im\"><status><basic>closed</basic></status></tuple>"), closed);
            assertFalse(closed.contains("gone"), closed);
            notifyOf(carol, "presence", 200);
        }
    }

    @Test
    void triggersDecideWhenAndARefreshReplacesTheFilter() {
        String presentity = "fil-dave@localhost";
        String offline = filterSet("<filter id=\"offline\"><trigger>"
                + "<changed from=\"open\" to=\"closed\">/pidf:presence/pidf:tuple[@id='voice']/pidf:status/pidf:basic</changed>"
                + "</trigger></filter>");
        try (RawSipClient dave = RawSipClient.udp(server.sipPort); RawSipClient erin = RawSipClient.udp(server.sipPort)) {
            publish(dave, presentity, pidf(presentity, "open", "open", "one"), null);
            RawSipClient.Request watch = subscribe(erin, "fil-erin@localhost", presentity, offline);
            RawSipClient.Message accepted = watch.send();
            assertEquals(200, accepted.status());
            assertTrue(notifyContaining(erin, "one").bodyText().contains("one"), "the first NOTIFY has the state, triggers aside");

            publish(dave, presentity, pidf(presentity, "closed", "open", "two"), null);
            assertTrue(erin.poll(m -> !m.isResponse() && m.method().equals("NOTIFY"), Duration.ofMillis(700)).isEmpty(),
                    "the trigger did not fire");
            publish(dave, presentity, pidf(presentity, "closed", "closed", "three"), null);
            assertTrue(notifyOf(erin, "presence", 200).bodyText().contains("three"), "open → closed fired it");

            RawSipClient.Message refreshed = erin.request("SUBSCRIBE", "sip:" + presentity).from("fil-erin@localhost")
                    .fromTag(watch.fromTag()).to(presentity).toTag(accepted.tag("To").orElseThrow()).callId(watch.callId()).cseq(2)
                    .header("Contact", "<" + erin.contactUri("fil-erin") + ">").header("Event", "presence").header("Expires", 600)
                    .body(FILTER, IM_BASIC).send();
            assertEquals(200, refreshed.status());
            String now = notifyOf(erin, "presence", 200).bodyText();
            assertTrue(now.contains("<basic>closed</basic>") && !now.contains("three"), "the new filter applies: " + now);
        }
    }

    @Test
    void filtersThatCannotBeHonouredAreRefusedAsTheRfcSays() {
        try (RawSipClient frank = RawSipClient.udp(server.sipPort)) {
            assertEquals(415, subscribe(frank, "fil-frank@localhost", "fil-x@localhost", null).body("text/plain", "x").send().status());
            assertEquals(400, subscribe(frank, "fil-frank@localhost", "fil-x@localhost", "<filter-set").send().status());
            assertEquals(488, subscribe(frank, "fil-frank@localhost", "fil-x@localhost",
                    filterSet("<filter id=\"1\"><what><include>doc('/etc/passwd')</include></what></filter>")).send().status());
            assertEquals(488, subscribe(frank, "fil-frank@localhost", "fil-x@localhost",
                    filterSet("<filter id=\"1\"><what><include type=\"xquery\">/a</include></what></filter>")).send().status());
        }
    }
}
