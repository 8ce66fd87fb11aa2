package org.herald.server.it;

import static org.herald.server.it.PresenceIT.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The ways a subscription is refused or ends (RFC 6665 §4.2), against SIPp over UDP and TCP. */
class SubscriptionEdgesIT {
    private static TestServer server;

    @BeforeAll
    static void start() {
        // a short T1 so that a NOTIFY nobody answers fails in 64 × 50 ms; subscriptions may be as short as 1 s
        server = TestServer.start("auth.mode=open", "sip.timer-t1=50", "sip.subscription.min-expires=1");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Sipp watcher(String scenario, Sipp.Transport transport) {
        return Sipp.scenario(scenario, server).transport(transport).key("user", "watcher")
                .key("presentity", "target-" + transport.name().toLowerCase()).key("domain", "localhost");
    }

    @ParameterizedTest
    @EnumSource(Sipp.Transport.class)
    void refusesBadSubscriptionsAndAnswersAFetch(Sipp.Transport transport) {
        try (TestServer strict = TestServer.start("auth.mode=open")) { // default min-expires 60 for the 423
            Sipp.scenario("subscribe-refusals", strict).transport(transport).key("user", "watcher")
                    .key("presentity", "target").key("domain", "localhost").run().assertPassed();
            assertEquals(0, strict.server().subscriptions().count(), "a fetch keeps no subscription");
        }
    }

    @ParameterizedTest
    @EnumSource(Sipp.Transport.class)
    void anUnrefreshedSubscriptionEndsWithReasonTimeout(Sipp.Transport transport) {
        watcher("subscribe-expiry", transport).key("expires", 2).run().assertPassed();
        await(() -> server.server().subscriptions().count() == 0, "the expired subscription is gone");
    }

    @ParameterizedTest
    @EnumSource(Sipp.Transport.class)
    void a481FromTheSubscriberEndsTheSubscription(Sipp.Transport transport) {
        watcher("subscribe-then-481", transport).run().assertPassed();
        await(() -> server.server().subscriptions().count() == 0, "the subscription answered 481 is gone");
    }

    @ParameterizedTest
    @EnumSource(Sipp.Transport.class)
    void aSubscriberThatNeverAnswersIsDropped(Sipp.Transport transport) {
        watcher("subscribe-then-silence", transport).run().assertPassed();
        await(() -> server.server().subscriptions().count() == 0, "the silent subscriber's subscription is gone");
    }
}
