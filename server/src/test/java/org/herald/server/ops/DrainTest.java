package org.herald.server.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.herald.sip.Handling;
import org.herald.sip.SipApplication;
import org.herald.sip.message.Flow;
import org.herald.sip.message.Headers;
import org.herald.sip.message.NameAddr;
import org.herald.sip.message.SipRequest;
import org.herald.sip.message.Transport;
import org.junit.jupiter.api.Test;

class DrainTest {
    private static SipRequest request(String method) {
        return new SipRequest(method, "sip:example.com", NameAddr.of("sip:alice@example.com").withParam("tag", "t"),
                NameAddr.of("sip:alice@example.com"), "call", 1, List.of(), false, Headers.builder().build(), null,
                new Flow(Transport.UDP, "127.0.0.1", 5070), "127.0.0.1:5060");
    }

    @Test
    void onceDrainingNewRequestsGet503WithRetryAfterWhileInFlightNotifiesFinish() throws Exception {
        Drain drain = new Drain();
        SipApplication app = drain.guard(request -> Handling.reply(200));
        assertEquals(200, ((Handling.Reply) app.handle(request("REGISTER"))).response().status());

        AtomicLong inFlight = new AtomicLong(2);
        Thread answers = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(100);
                inFlight.set(0);
            } catch (InterruptedException ignored) {
                // the test ends
            }
        });
        long start = System.nanoTime();
        assertEquals(0, drain.start(inFlight::get, Duration.ofSeconds(5)), "waited for the answers");
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(4).toNanos(), "not for the whole grace period");
        answers.join();

        Handling.Reply refused = (Handling.Reply) app.handle(request("SUBSCRIBE"));
        assertEquals(503, refused.response().status());
        assertEquals("30", refused.response().headers().first("Retry-After").orElseThrow());
    }

    @Test
    void theGracePeriodBoundsTheWait() throws Exception {
        assertEquals(1, new Drain().start(() -> 1, Duration.ofMillis(100)));
    }
}
