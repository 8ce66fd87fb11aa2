package org.herald.sip.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** The notifier of RFC 6665 with time and the network in the test's hands, and a real (embedded) store. */
class SubscriptionServiceTest {
    private static final MongoFixture mongo = new MongoFixture();
    private static final Aor BOB = Aor.parse("bob@example.com");
    private static final Aor ALICE = Aor.parse("alice@example.com");

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final InstantSource clock = () -> now.get();
    private final Sent sent = new Sent();
    private final StatePackage pkg = new StatePackage();
    private final SubscriptionStore store = new MongoSubscriptionStore(mongo.direct());
    private SubscriptionService service = newService();

    @AfterAll
    static void stop() {
        mongo.close();
    }

    private SubscriptionService newService() {
        return new SubscriptionService(new EventPackages(List.of(pkg)), store, new SubscriptionPolicy(60, 3600), clock, sent);
    }

    /** Records each NOTIFY and lets the test answer it. */
    static final class Sent implements RequestSender {
        final List<OutgoingRequest> requests = new ArrayList<>();
        final List<CompletableFuture<RequestOutcome>> answers = new ArrayList<>();

        @Override
        public synchronized CompletionStage<RequestOutcome> send(OutgoingRequest request) {
            requests.add(request);
            CompletableFuture<RequestOutcome> f = new CompletableFuture<>();
            answers.add(f);
            return f;
        }

        void answer(int index, int status) {
            answers.get(index).complete(new RequestOutcome.Answered(status, Headers.empty()));
        }

        OutgoingRequest last() {
            return requests.get(requests.size() - 1);
        }
    }

    /** A package whose state is a string the test sets. */
    static final class StatePackage implements EventPackage {
        volatile String state = "initial";
        volatile SubscriptionState decision = SubscriptionState.ACTIVE;
        final List<Boolean> outcomes = new ArrayList<>();
        volatile boolean tags;
        volatile java.time.Duration ownLimit = java.time.Duration.ZERO;

        @Override public java.util.Optional<String> entityTag(ResourceView view, Subscription s) {
            return tags ? java.util.Optional.of(EntityTags.of("text/plain", view.toString().getBytes(StandardCharsets.UTF_8)))
                    : java.util.Optional.empty();
        }
        @Override public java.time.Duration minNotifyInterval() { return ownLimit; }
        volatile java.util.Set<Aor> members = java.util.Set.of();
        @Override public java.util.Set<Aor> members(Aor resource) { return members; }
        @Override public List<String> require(Subscription s) { return members.isEmpty() ? List.of() : List.of("eventlist"); }
        @Override public java.util.Optional<org.herald.sip.message.SipResponse> admit(Aor w, Aor r, SipRequest request) {
            return !members.isEmpty() && !request.supports("eventlist")
                    ? java.util.Optional.of(org.herald.sip.message.SipResponse.of(421)) : java.util.Optional.empty();
        }
        final List<String> ended = new ArrayList<>();
        @Override public void ended(Subscription s) { ended.add(s.id()); }

        @Override public String name() { return "test"; }
        @Override public List<MediaType> notifyTypes() { return List.of(MediaType.of("text/plain")); }
        @Override public int defaultExpires() { return 600; }
        @Override public ResourceView view(Aor resource) { String s = state; return new ResourceView() { public String toString() { return s; } }; }
        @Override public NotifyBody render(ResourceView view, Subscription s) {
            return new NotifyBody("text/plain", view.toString().getBytes(StandardCharsets.UTF_8));
        }
        @Override public SubscriptionState authorize(Aor watcher, Aor resource) { return decision; }
        @Override public void notified(Subscription s, boolean accepted) { outcomes.add(accepted); }
    }

    @Test
    void answers200ThenNotifiesTheCurrentState() {
        Handling.Reply reply = subscribe(null, 1, 600);
        assertEquals(200, reply.response().status());
        assertEquals("600", reply.response().headers().first("Expires").orElseThrow());
        assertTrue(sent.requests.isEmpty(), "no NOTIFY before the 200 went out");
        reply.afterSent().run();
        OutgoingRequest notify = sent.last();
        assertEquals("NOTIFY", notify.method());
        assertEquals(1, notify.cseq());
        assertEquals(reply.response().toTag(), notify.from().tag());
        assertEquals("active;expires=600", notify.headers().first("Subscription-State").orElseThrow());
        assertEquals("initial", new String(notify.body(), StandardCharsets.UTF_8));
        assertEquals("sip:alice@10.0.0.1:5070", notify.requestUri());
    }

    @Test
    void changesDuringAnUnansweredNotifyCoalesceIntoOneWithTheNewestState() {
        subscribe(null, 1, 600).afterSent().run();
        pkg.state = "second";
        service.changed(pkg, BOB);
        pkg.state = "third";
        service.changed(pkg, BOB);
        assertEquals(1, sent.requests.size(), "one NOTIFY in flight at a time");
        sent.answer(0, 200);
        assertEquals(2, sent.requests.size());
        assertEquals("third", new String(sent.last().body(), StandardCharsets.UTF_8));
        assertEquals(2, sent.last().cseq());
    }

    @Test
    void aChangeTheWatcherCannotSeeSendsNothingButARefreshStillNotifies() {
        Handling.Reply created = subscribe(null, 1, 600);
        created.afterSent().run();
        sent.answer(0, 200);
        service.changed(pkg, BOB); // the package renders "initial" again: nothing new for this watcher
        assertEquals(1, sent.requests.size());
        pkg.state = "second";
        service.changed(pkg, BOB);
        assertEquals(2, sent.requests.size());
        assertEquals(2, sent.last().cseq(), "a skipped NOTIFY uses no CSeq");
        sent.answer(1, 200);
        Handling.Reply refreshed = (Handling.Reply) service.subscribe(request(created.response().toTag(), 2, 600), ALICE);
        refreshed.afterSent().run();
        assertEquals(3, sent.requests.size(), "a refresh is always answered with a NOTIFY");
        assertEquals("second", new String(sent.last().body(), StandardCharsets.UTF_8));
    }

    @Test
    void aNotifyNotTakenIsSentAgainOnTheNextChangeEvenIfTheSame() {
        subscribe(null, 1, 600).afterSent().run();
        sent.answer(0, 500);
        service.changed(pkg, BOB);
        assertEquals(2, sent.requests.size());
        assertEquals("initial", new String(sent.last().body(), StandardCharsets.UTF_8));
    }

    @Test
    void a481EndsTheSubscriptionWithoutAnotherNotify() {
        subscribe(null, 1, 600).afterSent().run();
        sent.answer(0, 481);
        assertEquals(0, service.count());
        assertEquals(0, store.count());
        service.changed(pkg, BOB);
        assertEquals(1, sent.requests.size());
    }

    @Test
    void expiryTerminatesWithReasonTimeout() {
        subscribe(null, 1, 600).afterSent().run();
        sent.answer(0, 200);
        now.set(now.get().plusSeconds(601));
        assertEquals(1, service.expire());
        assertEquals("terminated;reason=timeout", sent.last().headers().first("Subscription-State").orElseThrow());
        assertEquals(0, store.count());
    }

    @Test
    void refreshUnsubscribeAndDialogChecks() {
        Handling.Reply created = subscribe(null, 1, 600);
        created.afterSent().run();
        sent.answer(0, 200);
        String tag = created.response().toTag();
        assertEquals(481, ((Handling.Reply) service.subscribe(request("other-tag", 2, 600), ALICE)).response().status());
        assertEquals(500, ((Handling.Reply) service.subscribe(request(tag, 1, 600), ALICE)).response().status(), "old CSeq");
        Handling.Reply refreshed = (Handling.Reply) service.subscribe(request(tag, 2, 300), ALICE);
        assertEquals(200, refreshed.response().status());
        refreshed.afterSent().run();
        assertEquals("active;expires=300", sent.last().headers().first("Subscription-State").orElseThrow());
        sent.answer(1, 200);
        Handling.Reply ended = (Handling.Reply) service.subscribe(request(tag, 3, 0), ALICE);
        ended.afterSent().run();
        assertEquals("terminated;reason=timeout", sent.last().headers().first("Subscription-State").orElseThrow());
        assertEquals(0, service.count());
    }

    @Test
    void aRestartedNotifierContinuesTheDialogAboveEveryCseqUsed() {
        Handling.Reply created = subscribe(null, 1, 600);
        created.afterSent().run();
        sent.answer(0, 200);
        long before = sent.last().cseq();

        service = newService(); // a new process: only the store remains
        service.load();
        pkg.state = "after restart";
        service.changed(pkg, BOB);
        OutgoingRequest next = sent.last();
        assertTrue(next.cseq() > before, next.cseq() + " > " + before);
        assertEquals(created.response().toTag(), next.from().tag());
        assertEquals("after restart", new String(next.body(), StandardCharsets.UTF_8));
    }

    @Test
    void newRulesActivateAPendingWatcherAndRejectAnActiveOne() {
        List<SubscriptionEvent> events = new ArrayList<>();
        service.addListener(events::add);
        pkg.decision = SubscriptionState.PENDING;
        subscribe(null, 1, 600).afterSent().run();
        assertEquals("pending;expires=600", sent.last().headers().first("Subscription-State").orElseThrow());
        assertEquals(0, sent.last().body().length, "a pending watcher learns nothing");
        sent.answer(0, 200);

        pkg.decision = SubscriptionState.ACTIVE;
        service.reauthorize(pkg, BOB);
        assertEquals("active;expires=600", sent.last().headers().first("Subscription-State").orElseThrow());
        assertEquals("initial", new String(sent.last().body(), StandardCharsets.UTF_8));
        assertEquals(SubscriptionState.ACTIVE, store.all().get(0).state(), "the new state is stored");
        sent.answer(1, 200);

        pkg.decision = SubscriptionState.TERMINATED;
        service.reauthorize(pkg, BOB);
        assertEquals("terminated;reason=rejected", sent.last().headers().first("Subscription-State").orElseThrow());
        assertEquals(0, service.count());

        assertInstanceOf(SubscriptionEvent.Created.class, events.get(0));
        assertEquals(SubscriptionState.PENDING, events.get(0).subscription().state());
        var changed = assertInstanceOf(SubscriptionEvent.StateChanged.class, events.get(1));
        assertEquals(SubscriptionState.PENDING, changed.from());
        assertEquals(TerminationReason.REJECTED, assertInstanceOf(SubscriptionEvent.Ended.class, events.get(2)).reason());
        assertEquals(ALICE, events.get(0).subscription().watcher(), "the authenticated watcher");
    }

    @Test
    void thePackageHearsWhetherEachNotifyWasTaken() {
        subscribe(null, 1, 600).afterSent().run();
        sent.answer(0, 500);
        service.changed(pkg, BOB);
        sent.answer(1, 200);
        assertEquals(List.of(false, true), pkg.outcomes);
    }

    @Test
    void aChangeOfAMemberNotifiesTheListsSubscriptionsAndMembersCanChange() {
        Aor carol = Aor.parse("carol@example.com");
        Aor dave = Aor.parse("dave@example.com");
        pkg.members = java.util.Set.of(carol);
        assertEquals(421, subscribe(null, 1, 600).response().status(), "no Supported: eventlist");
        SipRequest withEventlist = request(null, 1, 600);
        withEventlist = new SipRequest(withEventlist.method(), withEventlist.requestUri(), withEventlist.from(), withEventlist.to(),
                withEventlist.callId(), 1, withEventlist.contacts(), false,
                Headers.builder().add("Event", "test").add("Expires", 600).add("Supported", "eventlist").build(), null,
                withEventlist.flow(), withEventlist.localTarget());
        ((Handling.Reply) service.subscribe(withEventlist, ALICE)).afterSent().run();
        assertEquals("eventlist", sent.last().headers().first("Require").orElseThrow());
        sent.answer(0, 200);
        pkg.state = "carol changed";
        service.changed(pkg, carol);
        assertEquals(2, sent.requests.size());
        sent.answer(1, 200);

        pkg.members = java.util.Set.of(dave);
        service.membersChanged(pkg, BOB);
        pkg.state = "carol again";
        service.changed(pkg, carol);
        assertEquals(2, sent.requests.size(), "carol is no member any more");
        pkg.state = "dave";
        service.changed(pkg, dave);
        assertEquals(3, sent.requests.size());
    }

    @Test
    void unknownPackagesAndShortLifetimesAreRefused() {
        SipRequest unknown = request(null, 1, 600, "nope");
        Handling.Reply r = (Handling.Reply) service.subscribe(unknown, ALICE);
        assertEquals(489, r.response().status());
        assertEquals("test", r.response().headers().first("Allow-Events").orElseThrow());
        assertEquals(423, ((Handling.Reply) service.subscribe(request(null, 1, 10), ALICE)).response().status());
    }

    private Handling.Reply subscribe(String toTag, long cseq, int expires) {
        return assertInstanceOf(Handling.Reply.class, service.subscribe(request(toTag, cseq, expires), ALICE));
    }

    private static SipRequest request(String toTag, long cseq, int expires) {
        return request(toTag, cseq, expires, "test");
    }

    private static SipRequest request(String toTag, long cseq, int expires, String event) {
        NameAddr to = NameAddr.of("sip:bob@example.com");
        if (toTag != null) to = to.withParam("tag", toTag);
        return new SipRequest("SUBSCRIBE", "sip:bob@example.com", new NameAddr(null, "sip:alice@example.com", Map.of("tag", "a1")),
                to, "call-1", cseq, List.of(NameAddr.of("sip:alice@10.0.0.1:5070")), false,
                Headers.builder().add("Event", event).add("Expires", expires).build(), null,
                new Flow(Transport.UDP, "10.0.0.1", 5070), "127.0.0.1:5060");
    }
}
