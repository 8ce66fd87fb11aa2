package org.herald.presence.winfo;

import static org.herald.sip.event.SubscriptionState.ACTIVE;
import static org.herald.sip.event.SubscriptionState.PENDING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.stream.Stream;
import org.herald.presence.Subscriptions;
import org.herald.sip.event.Subscription;
import org.herald.sip.event.SubscriptionEvent;
import org.herald.sip.event.SubscriptionState;
import org.herald.sip.event.TerminationReason;
import org.herald.sip.message.Aor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The framework's subscription events on RFC 3857's watcher state machine, edge by edge. */
class WatcherLifecycleTest {
    private static final Aor ALICE = Aor.parse("alice@example.com");
    private static final Aor BOB = Aor.parse("bob@example.com");

    private static Subscription in(SubscriptionState state) {
        return Subscriptions.of("s1", "presence", ALICE, BOB, state, 0);
    }

    private static Arguments edge(WatcherStatus from, SubscriptionEvent event, WatcherStatus to, WatcherEvent shown) {
        return Arguments.of(from, event, to, shown);
    }

    static Stream<Arguments> edges() {
        return Stream.of(
                edge(null, new SubscriptionEvent.Created(in(PENDING)), WatcherStatus.PENDING, WatcherEvent.SUBSCRIBE),
                edge(null, new SubscriptionEvent.Created(in(ACTIVE)), WatcherStatus.ACTIVE, WatcherEvent.SUBSCRIBE),
                edge(WatcherStatus.WAITING, new SubscriptionEvent.Created(in(PENDING)), WatcherStatus.PENDING, WatcherEvent.SUBSCRIBE),
                edge(WatcherStatus.WAITING, new SubscriptionEvent.Created(in(ACTIVE)), WatcherStatus.ACTIVE, WatcherEvent.SUBSCRIBE),
                edge(WatcherStatus.PENDING, new SubscriptionEvent.StateChanged(in(ACTIVE), PENDING), WatcherStatus.ACTIVE, WatcherEvent.APPROVED),
                edge(WatcherStatus.ACTIVE, new SubscriptionEvent.StateChanged(in(PENDING), ACTIVE), WatcherStatus.PENDING, WatcherEvent.SUBSCRIBE),
                edge(WatcherStatus.PENDING, ended(PENDING, TerminationReason.TIMEOUT), WatcherStatus.WAITING, WatcherEvent.TIMEOUT),
                edge(WatcherStatus.PENDING, ended(PENDING, TerminationReason.REJECTED), WatcherStatus.TERMINATED, WatcherEvent.REJECTED),
                edge(WatcherStatus.PENDING, ended(PENDING, TerminationReason.GIVEUP), WatcherStatus.TERMINATED, WatcherEvent.GIVEUP),
                edge(WatcherStatus.PENDING, ended(PENDING, TerminationReason.NORESOURCE), WatcherStatus.TERMINATED, WatcherEvent.NORESOURCE),
                edge(WatcherStatus.ACTIVE, ended(ACTIVE, TerminationReason.TIMEOUT), WatcherStatus.TERMINATED, WatcherEvent.TIMEOUT),
                edge(WatcherStatus.ACTIVE, ended(ACTIVE, TerminationReason.DEACTIVATED), WatcherStatus.TERMINATED, WatcherEvent.DEACTIVATED),
                edge(WatcherStatus.ACTIVE, ended(ACTIVE, TerminationReason.PROBATION), WatcherStatus.TERMINATED, WatcherEvent.PROBATION),
                edge(WatcherStatus.ACTIVE, ended(ACTIVE, TerminationReason.REJECTED), WatcherStatus.TERMINATED, WatcherEvent.REJECTED),
                edge(WatcherStatus.ACTIVE, ended(ACTIVE, TerminationReason.GIVEUP), WatcherStatus.TERMINATED, WatcherEvent.GIVEUP),
                edge(WatcherStatus.ACTIVE, ended(ACTIVE, TerminationReason.NORESOURCE), WatcherStatus.TERMINATED, WatcherEvent.NORESOURCE),
                edge(WatcherStatus.ACTIVE, ended(ACTIVE, TerminationReason.INVARIANT), WatcherStatus.TERMINATED, WatcherEvent.NORESOURCE));
    }

    private static SubscriptionEvent ended(SubscriptionState state, TerminationReason reason) {
        return new SubscriptionEvent.Ended(in(state), reason);
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}/{3}")
    @MethodSource("edges")
    void followsTheStateMachine(WatcherStatus from, SubscriptionEvent event, WatcherStatus to, WatcherEvent shown) {
        assertEquals(Optional.of(new WatcherLifecycle.Transition(to, shown)), WatcherLifecycle.step(from, event));
    }

    @Test
    void eventsThatChangeNothingVisibleAreNoTransition() {
        assertEquals(Optional.empty(), WatcherLifecycle.step(WatcherStatus.ACTIVE, new SubscriptionEvent.Created(in(ACTIVE))),
                "a subscription already known (seeded after a restart)");
        assertEquals(Optional.empty(), WatcherLifecycle.step(WatcherStatus.ACTIVE, new SubscriptionEvent.StateChanged(in(ACTIVE), PENDING)));
        assertEquals(Optional.empty(), WatcherLifecycle.step(null, ended(ACTIVE, TerminationReason.TIMEOUT)), "never seen");
        assertEquals(Optional.empty(), WatcherLifecycle.step(WatcherStatus.WAITING, ended(PENDING, TerminationReason.TIMEOUT)));
        assertEquals(Optional.empty(), WatcherLifecycle.step(null, new SubscriptionEvent.StateChanged(in(ACTIVE), PENDING)));
    }

    @Test
    void aWaitingWatcherIsGivenUpOn() {
        assertEquals(new WatcherLifecycle.Transition(WatcherStatus.TERMINATED, WatcherEvent.GIVEUP), WatcherLifecycle.giveUp());
    }
}
