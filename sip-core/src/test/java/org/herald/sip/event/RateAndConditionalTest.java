package org.herald.sip.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.herald.sip.Handling;
import org.herald.sip.message.Aor;
import org.herald.sip.message.Flow;
import org.herald.sip.message.Headers;
import org.herald.sip.message.NameAddr;
import org.herald.sip.message.SipRequest;
import org.herald.sip.message.Transport;
import org.herald.sip.store.MongoFixture;
import org.herald.sip.store.mongo.MongoSubscriptionStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** RFC 5839 conditional notification and RFC 6446 rate control, with the clock and timers in the test's hands. */
class RateAndConditionalTest {
    private static final MongoFixture mongo = new MongoFixture();
    private static final Aor BOB = Aor.parse("bob@example.com");
    private static final Aor ALICE = Aor.parse("alice@example.com");

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final InstantSource clock = () -> now.get();
    private ManualScheduler timers = new ManualScheduler(now);
    private final SubscriptionServiceTest.Sent sent = new SubscriptionServiceTest.Sent();
    private final SubscriptionServiceTest.StatePackage pkg = new SubscriptionServiceTest.StatePackage();
    private final SubscriptionStore store = new MongoSubscriptionStore(mongo.direct());
    private SubscriptionService service = newService();

    @AfterAll
    static void stop() {
        mongo.close();
    }

    private SubscriptionService newService() {
        return new SubscriptionService(new EventPackages(List.of(pkg)), store, new SubscriptionPolicy(60, 3600), clock, sent, timers);
    }

    @Test
    void notifiesCarryTheEntityTagOfTheirState() {
        subscribe(null, 1, "test", null).afterSent().run();
        String tag = sent.last().headers().first("SIP-ETag").orElseThrow();
        assertEquals(EntityTags.of("text/plain", "initial".getBytes(StandardCharsets.UTF_8)), tag);
        sent.answer(0, 200);
        pkg.state = "second";
        service.changed(pkg, BOB);
        assertTrue(!tag.equals(sent.last().headers().first("SIP-ETag").orElseThrow()), "a new state has a new tag");
    }

    @Test
    void aRefreshWhoseTagMatchesIsAnswered204WithoutNotify() {
        Handling.Reply created = subscribe(null, 1, "test", null);
        created.afterSent().run();
        sent.answer(0, 200);
        String tag = sent.last().headers().first("SIP-ETag").orElseThrow();
        String toTag = created.response().toTag();

        Handling.Reply same = subscribe(toTag, 2, "test", tag);
        assertEquals(204, same.response().status());
        assertEquals(tag, same.response().headers().first("SIP-ETag").orElseThrow());
        same.afterSent().run();
        assertEquals(1, sent.requests.size(), "no NOTIFY");

        pkg.state = "second";
        service.changed(pkg, BOB);
        sent.answer(1, 200);
        Handling.Reply changed = subscribe(toTag, 3, "test", tag);
        assertEquals(200, changed.response().status(), "the state changed since");
        changed.afterSent().run();
        assertEquals(3, sent.requests.size());

        sent.answer(2, 200);
        assertEquals(204, subscribe(toTag, 4, "test", "*").response().status(), "* matches any");
    }

    @Test
    void aNewSubscriptionWithTheCurrentTagGetsNoFirstNotify() {
        pkg.tags = true;
        String tag = EntityTags.of("text/plain", "initial".getBytes(StandardCharsets.UTF_8));
        Handling.Reply created = subscribe(null, 1, "test", tag);
        assertEquals(204, created.response().status());
        assertNotNull(created.response().toTag());
        created.afterSent().run();
        assertTrue(sent.requests.isEmpty());
        assertEquals(1, service.count(), "the subscription exists");
        pkg.state = "second";
        service.changed(pkg, BOB);
        assertEquals(1, sent.requests.size(), "later changes are notified");

        assertEquals(200, subscribe(null, 1, "test", "stale-tag").response().status());
    }

    @Test
    void minIntervalCoalescesChangesAndSendsTheNewestStateWhenItIsOver() {
        subscribe(null, 1, "test;min-interval=5", null).afterSent().run();
        assertEquals("active;expires=600;min-interval=5", sent.last().headers().first("Subscription-State").orElseThrow());
        sent.answer(0, 200);
        pkg.state = "second";
        service.changed(pkg, BOB);
        pkg.state = "third";
        service.changed(pkg, BOB);
        assertEquals(1, sent.requests.size(), "held back by min-interval");
        timers.advance(Duration.ofMillis(4999));
        assertEquals(1, sent.requests.size());
        timers.advance(Duration.ofMillis(1));
        assertEquals(2, sent.requests.size());
        assertEquals("third", new String(sent.last().body(), StandardCharsets.UTF_8), "the newest state");
        sent.answer(1, 200);
        timers.advance(Duration.ofSeconds(10));
        pkg.state = "fourth";
        service.changed(pkg, BOB);
        assertEquals(3, sent.requests.size(), "a change after a quiet interval goes at once");
    }

    @Test
    void thePackagesOwnLimitAppliesToEveryWatcher() {
        pkg.ownLimit = Duration.ofSeconds(2);
        subscribe(null, 1, "test", null).afterSent().run();
        sent.answer(0, 200);
        pkg.state = "second";
        service.changed(pkg, BOB);
        assertEquals(1, sent.requests.size());
        timers.advance(Duration.ofSeconds(2));
        assertEquals(2, sent.requests.size());
        sent.answer(1, 200);
        subscribe(null, 1, "test;min-interval=1", null).afterSent().run();
        assertEquals("active;expires=600;min-interval=2", sent.last().headers().first("Subscription-State").orElseThrow(),
                "the notifier tells the interval it raised");
    }

    @Test
    void aRefreshAndTheFinalNotifyAreNeverHeldBack() {
        Handling.Reply created = subscribe(null, 1, "test;min-interval=60", null);
        created.afterSent().run();
        sent.answer(0, 200);
        subscribe(created.response().toTag(), 2, "test;min-interval=60", null).afterSent().run();
        assertEquals(2, sent.requests.size());
        sent.answer(1, 200);
        subscribe(created.response().toTag(), 3, "test;min-interval=60", null, 0).afterSent().run();
        assertEquals("terminated;reason=timeout", sent.last().headers().first("Subscription-State").orElseThrow());
        assertEquals(0, timers.live(), "no timer left behind");
    }

    @Test
    void maxIntervalRepeatsTheStateWhenNothingChanges() {
        subscribe(null, 1, "test;max-interval=30", null).afterSent().run();
        sent.answer(0, 200);
        timers.advance(Duration.ofSeconds(29));
        assertEquals(1, sent.requests.size());
        timers.advance(Duration.ofSeconds(1));
        assertEquals(2, sent.requests.size());
        assertEquals("initial", new String(sent.last().body(), StandardCharsets.UTF_8));
        sent.answer(1, 200);
        timers.advance(Duration.ofSeconds(10));
        pkg.state = "changed";
        service.changed(pkg, BOB); // resets the clock of max-interval
        sent.answer(2, 200);
        timers.advance(Duration.ofSeconds(29));
        assertEquals(3, sent.requests.size());
        timers.advance(Duration.ofSeconds(1));
        assertEquals(4, sent.requests.size());
    }

    @Test
    void adaptiveMinRateKeepsTheAverage() {
        subscribe(null, 1, "test;adaptive-min-rate=0.1", null).afterSent().run(); // one per 10 s on average
        sent.answer(0, 200);
        for (int i = 0; i < 3; i++) { // three changes in quick succession: the average is ahead
            pkg.state = "s" + i;
            service.changed(pkg, BOB);
            sent.answer(sent.requests.size() - 1, 200);
        }
        assertEquals(4, sent.requests.size());
        timers.advance(Duration.ofSeconds(49));
        assertEquals(4, sent.requests.size(), "four sent: the average holds until 40 s, the fifth is due at 50 s");
        timers.advance(Duration.ofSeconds(1));
        assertEquals(5, sent.requests.size());
    }

    @Test
    void badRateControlIsRefused() {
        assertEquals(400, subscribe(null, 1, "test;min-interval=abc", null).response().status());
        assertEquals(400, subscribe(null, 1, "test;max-interval=10;adaptive-min-rate=1", null).response().status());
        assertEquals(400, subscribe(null, 1, "test;min-interval=10;max-interval=5", null).response().status());
    }

    @Test
    void maxRateOfTheDraftsIsAMinimumInterval() {
        assertEquals(new RateControl(500, 0, 0),
                RateControl.parse(org.herald.sip.message.ParameterizedValue.parse("presence;max-rate=2")));
    }

    @Test
    void rateControlSurvivesARestart() {
        subscribe(null, 1, "test;min-interval=5;max-interval=60", null).afterSent().run();
        sent.answer(0, 200);
        timers = new ManualScheduler(now); // the old process's timers died with it
        service = newService();
        service.load();
        assertEquals(new RateControl(5000, 60000, 0), service.all().get(0).rate());
        timers.advance(Duration.ofSeconds(60));
        assertEquals(2, sent.requests.size(), "max-interval goes on after the restart");
    }

    @Test
    void thePackageHearsWhenASubscriptionIsOver() {
        Handling.Reply created = subscribe(null, 1, "test", null);
        created.afterSent().run();
        sent.answer(0, 200);
        assertTrue(pkg.ended.isEmpty());
        subscribe(created.response().toTag(), 2, "test", null, 0).afterSent().run();
        assertTrue(pkg.ended.isEmpty(), "not before the final NOTIFY is answered");
        sent.answer(1, 200);
        assertEquals(List.of(created.response().toTag()), pkg.ended);
    }

    private Handling.Reply subscribe(String toTag, long cseq, String event, String ifMatch) {
        return subscribe(toTag, cseq, event, ifMatch, 600);
    }

    private Handling.Reply subscribe(String toTag, long cseq, String event, String ifMatch, int expires) {
        NameAddr to = NameAddr.of("sip:bob@example.com");
        if (toTag != null) to = to.withParam("tag", toTag);
        var headers = Headers.builder().add("Event", event).add("Expires", expires);
        if (ifMatch != null) headers.add("Suppress-If-Match", ifMatch);
        var request = new SipRequest("SUBSCRIBE", "sip:bob@example.com", new NameAddr(null, "sip:alice@example.com", Map.of("tag", "a1")),
                to, "call-1", cseq, List.of(NameAddr.of("sip:alice@10.0.0.1:5070")), false,
                headers.build(), null, new Flow(Transport.UDP, "10.0.0.1", 5070), "127.0.0.1:5060");
        return assertInstanceOf(Handling.Reply.class, service.subscribe(request, ALICE));
    }
}
