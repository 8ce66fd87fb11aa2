package org.herald.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several publications for one presentity are composed into one document, newest publication winning
 * per tuple id: a device that left an old "open" behind does not hide a newer "closed".
 */
class CompositionIT {
    private static final String PIDF = """
            <?xml version="1.0" encoding="UTF-8"?>
            <presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:erin@localhost">
            <tuple id="%s"><status><basic>%s</basic></status></tuple></presence>""";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("auth.mode=open");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aNewerClosedWinsOverAStaleOpenAndOtherTuplesAreKept() {
        try (RawSipClient watcher = RawSipClient.udp(server.sipPort);
             RawSipClient phone = RawSipClient.udp(server.sipPort);
             RawSipClient laptop = RawSipClient.udp(server.sipPort)) {
            assertEquals(200, watcher.request("SUBSCRIBE", "sip:erin@localhost").from("frank@localhost")
                    .to("erin@localhost").header("Contact", "<" + watcher.contactUri("frank") + ">")
                    .header("Event", "presence").header("Expires", 600).send().status());
            answer(watcher, "");

            var stale = phone.request("PUBLISH", "sip:erin@localhost").header("Event", "presence").header("Expires", 600)
                    .body("application/pidf+xml", PIDF.formatted("im", "open")).send();
            assertEquals(200, stale.status());
            assertTrue(answer(watcher, ">open<").contains("<tuple id=\"im\""));

            assertEquals(200, laptop.request("PUBLISH", "sip:erin@localhost").header("Event", "presence")
                    .header("Expires", 600).body("application/pidf+xml", PIDF.formatted("im", "closed")).send().status());
            String composed = answer(watcher, ">closed<");
            assertTrue(!composed.contains(">open<"), "the stale open is hidden: " + composed);

            // the phone refreshes its old publication: still the newer closed, and no NOTIFY for a refresh
            assertEquals(200, phone.request("PUBLISH", "sip:erin@localhost").header("Event", "presence")
                    .header("Expires", 600).header("SIP-If-Match", stale.header("SIP-ETag").orElseThrow().trim()).send().status());
            assertTrue(watcher.poll(m -> !m.isResponse(), Duration.ofMillis(500)).isEmpty(), "a refresh changes nothing");

            assertEquals(200, phone.request("PUBLISH", "sip:erin@localhost").header("Event", "presence")
                    .header("Expires", 600).body("application/pidf+xml", PIDF.formatted("voice", "open")).send().status());
            String both = answer(watcher, "voice");
            assertTrue(both.contains("<tuple id=\"im\"") && both.contains(">closed<"), "tuples of both are kept: " + both);
        }
    }

    /** Takes the next NOTIFY, checks its body contains the text, answers 200 and returns the body. */
    private static String answer(RawSipClient watcher, String expected) {
        var notify = watcher.await(m -> !m.isResponse() && m.method().equals("NOTIFY"), Duration.ofSeconds(5), "a NOTIFY");
        watcher.reply(notify, 200, "OK");
        assertTrue(notify.bodyText().contains(expected), "NOTIFY body has " + expected + ": " + notify.bodyText());
        return notify.bodyText();
    }
}
