package org.herald.server.it;

import static org.herald.server.it.WatcherInfoIT.notifyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Conditional event notification (RFC 5839) over real sockets: NOTIFYs carry SIP-ETag, and a SUBSCRIBE
 * with Suppress-If-Match naming the state the watcher has is answered 204 without a NOTIFY.
 */
class NotifyConditionalIT {
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

    @Test
    void aRefreshOrANewSubscriptionNamingTheCurrentStateGets204AndNoNotify() {
        String presentity = "cond-alice@localhost";
        try (RawSipClient alice = RawSipClient.udp(server.sipPort); RawSipClient bob = RawSipClient.udp(server.sipPort)) {
            publish(alice, presentity, "first");
            RawSipClient.Request watch = bob.request("SUBSCRIBE", "sip:" + presentity).from("cond-bob@localhost").to(presentity)
                    .header("Contact", "<" + bob.contactUri("cond-bob") + ">").header("Event", "presence").header("Expires", 600);
            RawSipClient.Message accepted = watch.send();
            assertEquals(200, accepted.status());
            RawSipClient.Message first = WatcherFilterIT.notifyContaining(bob, "first");
            String etag = first.header("SIP-ETag").orElseThrow(() -> new AssertionError("no SIP-ETag in " + first)).trim();

            RawSipClient.Message refresh = bob.request("SUBSCRIBE", "sip:" + presentity).from("cond-bob@localhost")
                    .fromTag(watch.fromTag()).to(presentity).toTag(accepted.tag("To").orElseThrow()).callId(watch.callId()).cseq(2)
                    .header("Contact", "<" + bob.contactUri("cond-bob") + ">").header("Event", "presence").header("Expires", 600)
                    .header("Suppress-If-Match", etag).send();
            assertEquals(204, refresh.status(), refresh::toString);
            assertTrue(bob.poll(m -> !m.isResponse() && m.method().equals("NOTIFY"), Duration.ofMillis(700)).isEmpty(), "no NOTIFY");

            // a watcher that restarted subscribes anew with the tag it kept
            try (RawSipClient again = RawSipClient.udp(server.sipPort)) {
                RawSipClient.Message resumed = again.request("SUBSCRIBE", "sip:" + presentity).from("cond-bob@localhost").to(presentity)
                        .header("Contact", "<" + again.contactUri("cond-bob") + ">").header("Event", "presence").header("Expires", 600)
                        .header("Suppress-If-Match", etag).send();
                assertEquals(204, resumed.status(), resumed::toString);
                assertTrue(again.poll(m -> !m.isResponse() && m.method().equals("NOTIFY"), Duration.ofMillis(700)).isEmpty());

                publish(alice, presentity, "second");
                RawSipClient.Message changed = notifyOf(again, "presence", 200);
                assertNotEquals(etag, changed.header("SIP-ETag").orElseThrow().trim(), "a new state, a new tag");
                notifyOf(bob, "presence", 200);
            }

            RawSipClient.Message stale = bob.request("SUBSCRIBE", "sip:" + presentity).from("cond-bob@localhost")
                    .fromTag(watch.fromTag()).to(presentity).toTag(accepted.tag("To").orElseThrow()).callId(watch.callId()).cseq(3)
                    .header("Contact", "<" + bob.contactUri("cond-bob") + ">").header("Event", "presence").header("Expires", 600)
                    .header("Suppress-If-Match", etag).send();
            assertEquals(200, stale.status(), "the state changed since that tag");
            assertTrue(notifyOf(bob, "presence", 200).bodyText().contains("second"));
        }
    }
}
