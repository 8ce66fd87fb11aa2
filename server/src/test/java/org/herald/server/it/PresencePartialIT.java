package org.herald.server.it;

import static org.herald.server.it.WatcherInfoIT.notifyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Partial notification (RFC 5262, RFC 5263) over real sockets: a watcher accepting
 * application/pidf-diff+xml gets full state, then diffs whose version grows by one, and full state
 * again after a NOTIFY it did not take.
 */
class PresencePartialIT {
    private static final Pattern VERSION = Pattern.compile("version=\"(\\d+)\"");
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("auth.mode=open");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void publish(RawSipClient client, String aor, String voice, String note) {
        assertEquals(200, client.request("PUBLISH", "sip:" + aor).from(aor).to(aor).header("Event", "presence")
                .header("Expires", 600).body("application/pidf+xml", WatcherFilterIT.pidf(aor, "open", voice, note)).send().status());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long version(String body) {
        Matcher m = VERSION.matcher(body);
        assertTrue(m.find(), body);
        return Long.parseLong(m.group(1));
    }

    @Test
    void fullStateThenDiffsAndFullStateAfterARefusedNotify() {
        String presentity = "part-alice@localhost";
        try (RawSipClient alice = RawSipClient.udp(server.sipPort); RawSipClient bob = RawSipClient.udp(server.sipPort)) {
            publish(alice, presentity, "open", "n1");
            PresenceIT.await(() -> server.server().publications().live("presence",
                    org.herald.sip.message.Aor.parse(presentity)).size() == 1, "the publication is live");
            sleep(300); // composed just after the 200 to PUBLISH
            assertEquals(200, bob.request("SUBSCRIBE", "sip:" + presentity).from("part-bob@localhost").to(presentity)
                    .header("Contact", "<" + bob.contactUri("part-bob") + ">").header("Event", "presence").header("Expires", 600)
                    .header("Accept", "application/pidf+xml, application/pidf-diff+xml").send().status());
            RawSipClient.Message first = WatcherFilterIT.notifyContaining(bob, "n1");
            assertEquals("application/pidf-diff+xml", first.header("Content-Type").orElseThrow().trim());
            assertTrue(first.bodyText().contains("<p:pidf-full"), first::toString);
            assertTrue(first.bodyText().contains("n1"));
            long v1 = version(first.bodyText());

            publish(alice, presentity, "closed", "n1"); // only the voice tuple changes
            String diff = notifyOf(bob, "presence", 200).bodyText();
            assertTrue(diff.contains("<p:pidf-diff"), diff);
            assertEquals(v1 + 1, version(diff));
            assertTrue(diff.contains("<p:replace sel=\"*/tuple[@id=&quot;voice&quot;]\">"), diff);
            assertFalse(diff.contains("im:"), "the unchanged IM tuple is not sent again: " + diff);

            publish(alice, presentity, "open", "n1");
            assertTrue(notifyOf(bob, "presence", 500).bodyText().contains("<p:pidf-diff"));
            publish(alice, presentity, "open", "n2");
            String full = notifyOf(bob, "presence", 200).bodyText();
            assertTrue(full.contains("<p:pidf-full") && full.contains("n2"), "after a refused NOTIFY: " + full);
        }
    }

    @Test
    void aWatcherWithoutPidfDiffInAcceptGetsPlainPidf() {
        String presentity = "part-carol@localhost";
        try (RawSipClient carol = RawSipClient.udp(server.sipPort); RawSipClient dave = RawSipClient.udp(server.sipPort)) {
            publish(carol, presentity, "open", "x");
            assertEquals(200, dave.request("SUBSCRIBE", "sip:" + presentity).from("part-dave@localhost").to(presentity)
                    .header("Contact", "<" + dave.contactUri("part-dave") + ">").header("Event", "presence").header("Expires", 600)
                    .send().status());
            assertEquals("application/pidf+xml", notifyOf(dave, "presence", 200).header("Content-Type").orElseThrow().trim());
        }
    }
}
