package org.herald.presence.winfo;

import static org.herald.presence.Subscriptions.T0;
import static org.herald.presence.Subscriptions.atCseq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.herald.presence.Subscriptions;
import org.herald.sip.event.NotifyBody;
import org.herald.sip.event.Subscription;
import org.herald.sip.event.SubscriptionEvent;
import org.herald.sip.event.SubscriptionState;
import org.herald.sip.event.TerminationReason;
import org.herald.sip.message.Aor;
import org.herald.sip.message.MediaType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Watcher-info documents: full and partial state, versions, and the life of each watcher, with time in the test's hands. */
class WatcherInfoPackageTest {
    private static final Aor ALICE = Aor.parse("alice@example.com");
    private static final Aor BOB = Aor.parse("bob@example.com");
    private static final Aor CAROL = Aor.parse("carol@example.com");

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final InstantSource clock = () -> now.get();
    private final Map<String, Subscription> live = new HashMap<>();
    private final List<Aor> notified = new ArrayList<>();
    private WatcherInfoPackage winfo;
    private Subscription alicesWinfo;

    @BeforeEach
    void start() {
        winfo = newPackage(List.of());
        alicesWinfo = Subscriptions.of("w1", "presence.winfo", ALICE, ALICE, SubscriptionState.ACTIVE, 0);
        live.put(alicesWinfo.id(), alicesWinfo);
    }

    private WatcherInfoPackage newPackage(List<Subscription> existing) {
        WatcherInfoPackage p = new WatcherInfoPackage(clock, WatcherInfoAccess.presentityOnly(), Duration.ofMinutes(30));
        p.attach((pkg, resource) -> notified.add(resource), id -> Optional.ofNullable(live.get(id)), existing);
        return p;
    }

    private Subscription watcher(String id, Aor who, SubscriptionState state) {
        Subscription s = Subscriptions.of(id, "presence", ALICE, who, state, 0);
        live.put(id, s);
        return s;
    }

    private void created(Subscription s) {
        winfo.on(new SubscriptionEvent.Created(s));
    }

    private void ended(Subscription s, TerminationReason reason) {
        live.remove(s.id());
        winfo.on(new SubscriptionEvent.Ended(s, reason));
    }

    /** The document of the NOTIFY with this CSeq to alice's winfo subscription. */
    private WatcherInfo notify(long cseq) throws Exception {
        NotifyBody body = winfo.render(winfo.view(ALICE), atCseq(alicesWinfo, cseq));
        assertEquals("application/watcherinfo+xml", body.contentType());
        return WatcherInfoReader.read(body.content());
    }

    private static List<Watcher> watchers(WatcherInfo info) {
        assertEquals(1, info.lists().size());
        assertEquals("sip:alice@example.com", info.lists().get(0).resource());
        assertEquals("presence", info.lists().get(0).packageName());
        return info.lists().get(0).watchers();
    }

    @Test
    void describesItselfToTheFramework() {
        assertEquals("presence.winfo", winfo.name());
        assertEquals(List.of(MediaType.of("application/watcherinfo+xml")), winfo.notifyTypes());
        assertEquals(3600, winfo.defaultExpires());
    }

    @Test
    void onlyThePresentityMaySubscribeUnlessThePolicySaysMore() {
        assertEquals(SubscriptionState.ACTIVE, winfo.authorize(ALICE, ALICE));
        assertEquals(SubscriptionState.TERMINATED, winfo.authorize(BOB, ALICE));
        WatcherInfoAccess withAssistant = WatcherInfoAccess.presentityOnly()
                .or((subscriber, presentity) -> subscriber.equals(CAROL) ? SubscriptionState.ACTIVE : SubscriptionState.TERMINATED);
        WatcherInfoPackage delegated = new WatcherInfoPackage(clock, withAssistant, Duration.ofHours(1));
        assertEquals(SubscriptionState.ACTIVE, delegated.authorize(CAROL, ALICE));
        assertEquals(SubscriptionState.TERMINATED, delegated.authorize(BOB, ALICE));
    }

    @Test
    void firstFullThenPartialWithVersionsFollowingTheCseq() throws Exception {
        created(watcher("s-bob", BOB, SubscriptionState.PENDING));
        assertEquals(List.of(ALICE), notified, "alice's winfo subscribers are told");

        now.set(T0.plusSeconds(10));
        WatcherInfo first = notify(1);
        assertEquals(0, first.version());
        assertTrue(first.full());
        Watcher bob = watchers(first).get(0);
        assertEquals("sip:bob@example.com", bob.uri());
        assertEquals(WatcherStatus.PENDING, bob.status());
        assertEquals(WatcherEvent.SUBSCRIBE, bob.event());
        assertEquals(10L, bob.durationSubscribed());
        assertEquals(3590L, bob.expiration());

        created(watcher("s-carol", CAROL, SubscriptionState.ACTIVE));
        WatcherInfo second = notify(2);
        assertEquals(1, second.version());
        assertFalse(second.full());
        assertEquals(List.of("sip:carol@example.com"), watchers(second).stream().map(Watcher::uri).toList(), "only what changed");
        assertEquals(WatcherStatus.ACTIVE, watchers(second).get(0).status());
        assertEquals(WatcherEvent.SUBSCRIBE, watchers(second).get(0).event(), "active from the start: subscribe, not approved");

        WatcherInfo refresh = notify(3);
        assertEquals(2, refresh.version());
        assertFalse(refresh.full());
        assertTrue(watchers(refresh).isEmpty(), "nothing changed since");
    }

    @Test
    void changesBetweenTwoNotifiesAreAllListedOnceInTheirNewestState() throws Exception {
        Subscription bob = watcher("s-bob", BOB, SubscriptionState.PENDING);
        notify(1);
        created(bob);
        winfo.on(new SubscriptionEvent.StateChanged(bob.withState(SubscriptionState.ACTIVE), SubscriptionState.PENDING));
        created(watcher("s-carol", CAROL, SubscriptionState.PENDING));
        List<Watcher> changed = watchers(notify(2));
        assertEquals(2, changed.size());
        assertEquals(WatcherStatus.ACTIVE, changed.get(0).status());
        assertEquals(WatcherEvent.APPROVED, changed.get(0).event());
        assertEquals(WatcherStatus.PENDING, changed.get(1).status());
    }

    @Test
    void aNotifyNotTakenIsFollowedByFullState() throws Exception {
        created(watcher("s-bob", BOB, SubscriptionState.ACTIVE));
        notify(1);
        created(watcher("s-carol", CAROL, SubscriptionState.ACTIVE));
        assertFalse(notify(2).full());
        winfo.notified(atCseq(alicesWinfo, 2), false);
        WatcherInfo next = notify(3);
        assertTrue(next.full());
        assertEquals(2, next.version());
        assertEquals(2, watchers(next).size());
        winfo.notified(atCseq(alicesWinfo, 3), true);
        assertFalse(notify(4).full());
    }

    @Test
    void endedWatchersAreListedOnceThenGone() throws Exception {
        Subscription bob = watcher("s-bob", BOB, SubscriptionState.ACTIVE);
        created(bob);
        notify(1);
        now.set(T0.plusSeconds(100));
        ended(bob, TerminationReason.TIMEOUT);
        now.set(T0.plusSeconds(200));
        Watcher gone = watchers(notify(2)).get(0);
        assertEquals(WatcherStatus.TERMINATED, gone.status());
        assertEquals(WatcherEvent.TIMEOUT, gone.event());
        assertEquals(100L, gone.durationSubscribed(), "frozen when it ended");
        assertEquals(null, gone.expiration());
        winfo.notified(atCseq(alicesWinfo, 2), false);
        assertTrue(watchers(notify(3)).isEmpty(), "full state no longer lists it");
    }

    @Test
    void aPendingWatcherThatTimesOutWaitsThenIsGivenUpOn() throws Exception {
        Subscription bob = watcher("s-bob", BOB, SubscriptionState.PENDING);
        created(bob);
        notify(1);
        ended(bob, TerminationReason.TIMEOUT);
        Watcher waiting = watchers(notify(2)).get(0);
        assertEquals(WatcherStatus.WAITING, waiting.status());
        assertEquals(WatcherEvent.TIMEOUT, waiting.event());

        now.set(T0.plus(Duration.ofMinutes(31)));
        notified.clear();
        created(watcher("s-carol", CAROL, SubscriptionState.ACTIVE)); // any event sweeps
        assertEquals(List.of(ALICE, ALICE), notified);
        List<Watcher> changed = watchers(notify(3));
        Watcher given = changed.stream().filter(w -> w.uri().equals("sip:bob@example.com")).findFirst().orElseThrow();
        assertEquals(WatcherStatus.TERMINATED, given.status());
        assertEquals(WatcherEvent.GIVEUP, given.event());
        assertEquals(waiting.id(), given.id());
    }

    @Test
    void aWaitingWatcherThatSubscribesAgainKeepsItsRecord() throws Exception {
        Subscription first = watcher("s-bob-1", BOB, SubscriptionState.PENDING);
        created(first);
        ended(first, TerminationReason.TIMEOUT);
        String id = watchers(notify(1)).get(0).id();
        created(watcher("s-bob-2", BOB, SubscriptionState.PENDING));
        Watcher again = watchers(notify(2)).get(0);
        assertEquals(id, again.id(), "the same watcher record, now pending again");
        assertEquals(WatcherStatus.PENDING, again.status());
        assertEquals(WatcherEvent.SUBSCRIBE, again.event());
        winfo.notified(atCseq(alicesWinfo, 2), false);
        assertEquals(1, watchers(notify(3)).size(), "one record, not a waiting one beside a pending one");
    }

    @Test
    void aRestartStartsAgainFromTheStoredSubscriptionsWithFullState() throws Exception {
        Subscription bob = watcher("s-bob", BOB, SubscriptionState.ACTIVE);
        created(bob);
        notify(1);
        winfo = newPackage(List.of(bob, alicesWinfo)); // a new process: the framework reloaded these
        WatcherInfo after = notify(1002); // the framework continues above the CSeqs it reserved
        assertTrue(after.full());
        assertEquals(1001, after.version());
        Watcher seeded = watchers(after).get(0);
        assertEquals(WatcherStatus.ACTIVE, seeded.status());
        assertEquals(WatcherEvent.SUBSCRIBE, seeded.event(), "its history is not kept");
        assertEquals(PresentityWatchers.idOf("s-bob"), seeded.id(), "ids survive a restart");
        assertFalse(notify(1003).full());
    }

    @Test
    void aFetchOrAFinalNotifyLeavesNothingBehind() throws Exception {
        created(watcher("s-bob", BOB, SubscriptionState.ACTIVE));
        Subscription fetch = Subscriptions.of("w-fetch", "presence.winfo", ALICE, ALICE, SubscriptionState.ACTIVE, 0);
        WatcherInfo once = WatcherInfoReader.read(winfo.render(winfo.view(ALICE), atCseq(fetch, 1)).content());
        assertTrue(once.full());
        assertEquals(1, watchers(once).size());
        notify(1);
        live.remove(alicesWinfo.id());
        winfo.on(new SubscriptionEvent.Ended(alicesWinfo, TerminationReason.TIMEOUT));
        assertTrue(notify(2).full(), "an ended subscriber is forgotten");
    }

    @Test
    void watchersOfOtherPackagesAndPresentitiesAreNotMixedIn() throws Exception {
        winfo.on(new SubscriptionEvent.Created(Subscriptions.of("d1", "dialog", ALICE, BOB, SubscriptionState.ACTIVE, 0)));
        winfo.on(new SubscriptionEvent.Created(Subscriptions.of("p1", "presence", CAROL, BOB, SubscriptionState.ACTIVE, 0)));
        assertEquals(List.of(CAROL), notified);
        assertTrue(watchers(notify(1)).isEmpty());
    }
}
