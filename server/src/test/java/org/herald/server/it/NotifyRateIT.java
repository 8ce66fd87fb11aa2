package org.herald.server.it;

import static org.herald.server.it.WatcherInfoIT.notifyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Notification rate control (RFC 6446) over real sockets: with min-interval a burst of publications
 * reaches the watcher as one NOTIFY of the newest state once the interval is over; max-interval
 * repeats the state when nothing changes.
 */
class NotifyRateIT {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("auth.mode=open");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void publish(RawSipClient client, String aor, String note) {
        assertEquals(200, client.request("PUBLISH", "sip:" + aor).from(aor).to(aor).header("Event", "presence")
                .header("Expires", 600).body("application/pidf+xml", WatcherFilterIT.pidf(aor, "open", "open", note)).send().status());
    }

    private static RawSipClient.Message subscribe(RawSipClient client, String user, String resource, String event) {
        return client.request("SUBSCRIBE", "sip:" + resource).from(user).to(resource)
                .header("Contact", "<" + client.contactUri(user.substring(0, user.indexOf('@'))) + ">")
                .header("Event", event).header("Expires", 600).send();
    }

    @Test
    void aBurstArrivesAsOneNotifyOfTheNewestStateAfterMinInterval() {
        String presentity = "rate-alice@localhost";
        try (RawSipClient alice = RawSipClient.udp(server.sipPort); RawSipClient bob = RawSipClient.udp(server.sipPort)) {
            publish(alice, presentity, "n0");
            assertEquals(200, subscribe(bob, "rate-bob@localhost", presentity, "presence;min-interval=2").status());
            RawSipClient.Message first = WatcherFilterIT.notifyContaining(bob, "n0");
            assertTrue(first.header("Subscription-State").orElseThrow().contains("min-interval=2"), first::toString);
            long start = System.nanoTime();
            for (int i = 1; i <= 5; i++) publish(alice, presentity, "n" + i);
            RawSipClient.Message next = notifyOf(bob, "presence", 200);
            long waitedMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(next.bodyText().contains("n5"), "the newest state: " + next.bodyText());
            assertTrue(waitedMs >= 1500, "held back until min-interval was over, came after " + waitedMs + " ms");
            assertTrue(bob.poll(m -> !m.isResponse() && m.method().equals("NOTIFY"), Duration.ofMillis(2500)).isEmpty(),
                    "one NOTIFY for the whole burst");
        }
    }

    @Test
    void maxIntervalRepeatsTheState() {
        String presentity = "rate-carol@localhost";
        try (RawSipClient carol = RawSipClient.udp(server.sipPort); RawSipClient dave = RawSipClient.udp(server.sipPort)) {
            publish(carol, presentity, "still");
            assertEquals(200, subscribe(dave, "rate-dave@localhost", presentity, "presence;max-interval=1").status());
            WatcherFilterIT.notifyContaining(dave, "still");
            assertTrue(notifyOf(dave, "presence", 200).bodyText().contains("still"), "the state, repeated");
        }
    }

    @Test
    void badParametersAreRefused() {
        try (RawSipClient erin = RawSipClient.udp(server.sipPort)) {
            assertEquals(400, subscribe(erin, "rate-erin@localhost", "rate-x@localhost", "presence;min-interval=0").status());
        }
    }
}
