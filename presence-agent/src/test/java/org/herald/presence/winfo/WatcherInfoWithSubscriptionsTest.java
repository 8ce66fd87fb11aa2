package org.herald.presence.winfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.herald.sip.Handling;
import org.herald.sip.RequestSender;
import org.herald.sip.event.EventPackage;
import org.herald.sip.event.EventPackages;
import org.herald.sip.event.NotifyBody;
import org.herald.sip.event.ResourceView;
import org.herald.sip.event.Subscription;
import org.herald.sip.event.SubscriptionPolicy;
import org.herald.sip.event.SubscriptionService;
import org.herald.sip.event.SubscriptionState;
import org.herald.sip.message.Aor;
import org.herald.sip.message.Flow;
import org.herald.sip.message.Headers;
import org.herald.sip.message.MediaType;
import org.herald.sip.message.NameAddr;
import org.herald.sip.message.OutgoingRequest;
import org.herald.sip.message.RequestOutcome;
import org.herald.sip.message.SipRequest;
import org.herald.sip.message.Transport;
import org.herald.sip.store.MongoFixture;
import org.herald.sip.store.mongo.MongoSubscriptionStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Watcher-info on the real event framework: watchers that presence rules hold pending, then allow,
 * then reject, as alice's winfo subscription sees them in its NOTIFYs (what the privacy rules will do
 * through {@link SubscriptionService#reauthorize}).
 */
class WatcherInfoWithSubscriptionsTest {
    private static final MongoFixture mongo = new MongoFixture();
    private static final Aor ALICE = Aor.parse("alice@example.com");
    private static final Aor BOB = Aor.parse("bob@example.com");

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final InstantSource clock = () -> now.get();
    private final Sent sent = new Sent();
    private final RulesPresence presence = new RulesPresence();
    private final WatcherInfoPackage winfo = new WatcherInfoPackage(clock);
    private final SubscriptionService service = new SubscriptionService(new EventPackages(List.of(presence, winfo)),
            new MongoSubscriptionStore(mongo.direct()), new SubscriptionPolicy(60, 3600), clock, sent);

    @AfterAll
    static void stop() {
        mongo.close();
    }

    /** Records each NOTIFY and answers it at once with the status the test chose. */
    static final class Sent implements RequestSender {
        final List<OutgoingRequest> requests = new ArrayList<>();
        volatile int status = 200;

        @Override
        public synchronized CompletionStage<RequestOutcome> send(OutgoingRequest request) {
            requests.add(request);
            return CompletableFuture.completedFuture(new RequestOutcome.Answered(status, Headers.empty()));
        }

        synchronized List<WatcherInfo> winfo() throws Exception {
            List<WatcherInfo> out = new ArrayList<>();
            for (OutgoingRequest r : requests) {
                if (r.headers().first("Event").orElse("").equals("presence.winfo") && r.body().length > 0) {
                    out.add(WatcherInfoReader.read(r.body()));
                }
            }
            return out;
        }
    }

    /** A presence package whose rules the test sets. */
    static final class RulesPresence implements EventPackage {
        volatile SubscriptionState decision = SubscriptionState.PENDING;

        @Override public String name() { return "presence"; }
        @Override public List<MediaType> notifyTypes() { return List.of(MediaType.of("application/pidf+xml")); }
        @Override public int defaultExpires() { return 600; }
        @Override public ResourceView view(Aor resource) { return new ResourceView() {}; }
        @Override public NotifyBody render(ResourceView view, Subscription s) {
            return new NotifyBody("application/pidf+xml", "<presence/>".getBytes(StandardCharsets.UTF_8));
        }
        @Override public SubscriptionState authorize(Aor watcher, Aor resource) { return decision; }
    }

    private Handling.Reply subscribe(Aor from, Aor to, String event, int expires) {
        SipRequest request = new SipRequest("SUBSCRIBE", to.uri(), new NameAddr(null, from.uri(), Map.of("tag", "t-" + from.user() + event)),
                NameAddr.of(to.uri()), "call-" + from.user() + "-" + event, 1, List.of(NameAddr.of("sip:" + from.user() + "@10.0.0.1:5070")),
                false, Headers.builder().add("Event", event).add("Expires", expires).build(), null,
                new Flow(Transport.UDP, "10.0.0.1", 5070), "127.0.0.1:5060");
        Handling.Reply reply = assertInstanceOf(Handling.Reply.class, service.subscribe(request, from));
        reply.afterSent().run();
        return reply;
    }

    private static Watcher only(WatcherInfo info) {
        List<Watcher> watchers = info.lists().get(0).watchers();
        assertEquals(1, watchers.size(), () -> "one watcher in " + info);
        return watchers.get(0);
    }

    @Test
    void alicesWinfoFollowsAWatcherFromPendingToApprovedToRejected() throws Exception {
        winfo.attach(service);
        assertEquals(200, subscribe(ALICE, ALICE, "presence.winfo", 600).response().status());
        assertEquals(403, subscribe(BOB, ALICE, "presence.winfo", 600).response().status(), "bob may not see alice's watchers");

        subscribe(BOB, ALICE, "presence", 600);
        presence.decision = SubscriptionState.ACTIVE;
        service.reauthorize(presence, ALICE);
        presence.decision = SubscriptionState.TERMINATED;
        service.reauthorize(presence, ALICE);

        List<WatcherInfo> seen = sent.winfo();
        assertEquals(4, seen.size(), () -> "NOTIFYs to alice: " + seen);
        assertTrue(seen.get(0).full());
        assertTrue(seen.get(0).lists().get(0).watchers().isEmpty());
        for (int i = 0; i < seen.size(); i++) assertEquals(i, seen.get(i).version());
        Watcher pending = only(seen.get(1));
        assertFalse(seen.get(1).full());
        assertEquals("sip:bob@example.com", pending.uri());
        assertEquals(List.of(WatcherStatus.PENDING, WatcherEvent.SUBSCRIBE), List.of(pending.status(), pending.event()));
        Watcher approved = only(seen.get(2));
        assertEquals(List.of(WatcherStatus.ACTIVE, WatcherEvent.APPROVED), List.of(approved.status(), approved.event()));
        Watcher rejected = only(seen.get(3));
        assertEquals(List.of(WatcherStatus.TERMINATED, WatcherEvent.REJECTED), List.of(rejected.status(), rejected.event()));
        assertEquals(pending.id(), rejected.id());
    }

    @Test
    void aPendingWatcherThatExpiresIsWaitingAndANotifyNotTakenBringsFullState() throws Exception {
        winfo.attach(service);
        subscribe(ALICE, ALICE, "presence.winfo", 3600);
        subscribe(BOB, ALICE, "presence", 600);
        now.set(now.get().plusSeconds(601));
        sent.status = 500; // alice's phone refuses the next NOTIFY
        service.expire();
        sent.status = 200;
        service.changed(winfo, ALICE);

        List<WatcherInfo> seen = sent.winfo();
        Watcher waiting = only(seen.get(2));
        assertEquals(List.of(WatcherStatus.WAITING, WatcherEvent.TIMEOUT), List.of(waiting.status(), waiting.event()));
        WatcherInfo after = seen.get(3);
        assertTrue(after.full(), "the refused NOTIFY is followed by full state");
        assertEquals(3, after.version());
        assertEquals(WatcherStatus.WAITING, only(after).status());
    }
}
