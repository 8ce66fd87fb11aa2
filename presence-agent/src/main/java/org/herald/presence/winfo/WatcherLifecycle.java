package org.herald.presence.winfo;

import java.util.Optional;
import org.herald.sip.event.SubscriptionEvent;
import org.herald.sip.event.SubscriptionState;
import org.herald.sip.event.TerminationReason;

/**
 * RFC 3857's state machine of one watcher's subscription, driven by the event framework's
 * {@link SubscriptionEvent}s:
 *
 * <pre>
 *            subscribe (policy: allow)
 *   [init] ───────────────────────────────────────────► [active] ──deactivated, probation, rejected,
 *      │                                                   ▲        timeout, giveup, noresource──┐
 *      │ subscribe (no decision yet)                       │ approved                            ▼
 *      └──────────────────────────► [pending] ─────────────┘                               [terminated]
 *                                     │   └──rejected, giveup, noresource, deactivated, probation──▲
 *                                     │ timeout                                                   │
 *                                     ▼                                                           │
 *                                  [waiting] ──────────giveup (kept long enough)──────────────────┘
 *                                     └──subscribe (the same watcher again)──► [pending] or [active]
 * </pre>
 *
 * The framework's events map onto it so:
 * <ul>
 *   <li>{@code Created} in PENDING or ACTIVE: init → pending/active, event {@code subscribe} (a new
 *       subscription the rules allow at once is active with event subscribe, not approved: nobody
 *       approved it after the fact). A watcher with a record in waiting takes that record over.</li>
 *   <li>{@code StateChanged} to ACTIVE: pending → active, event {@code approved}. To PENDING (rules
 *       that now ask the presentity to confirm): active → pending, event {@code subscribe}; RFC 3857
 *       has no such edge, and subscribe is the event that leads to pending.</li>
 *   <li>{@code Ended} with TIMEOUT from pending (expired, unsubscribed, or a fetch nobody decided
 *       on): pending → waiting, event {@code timeout}, so the presentity still learns someone asked.</li>
 *   <li>Any other {@code Ended}: → terminated with the event named like the reason; INVARIANT
 *       (RFC 6665, later than RFC 3857) becomes {@code noresource}, its nearest meaning.</li>
 * </ul>
 */
public final class WatcherLifecycle {
    private WatcherLifecycle() {}

    /** Where a watcher goes and the event it shows. */
    public record Transition(WatcherStatus next, WatcherEvent event) {}

    /**
     * @param from the watcher's status, or null when Herald has no record of it (init)
     * @return the transition, or empty when the event changes nothing a subscriber could see
     */
    public static Optional<Transition> step(WatcherStatus from, SubscriptionEvent event) {
        return switch (event) {
            case SubscriptionEvent.Created c -> from == null || from == WatcherStatus.WAITING
                    ? Optional.of(new Transition(status(c.subscription().state()), WatcherEvent.SUBSCRIBE))
                    : Optional.empty();
            case SubscriptionEvent.StateChanged s -> changed(from, s.subscription().state());
            case SubscriptionEvent.Ended e -> ended(from, e.reason());
        };
    }

    /** A waiting record kept long enough: Herald gives up waiting for a decision. */
    public static Transition giveUp() {
        return new Transition(WatcherStatus.TERMINATED, WatcherEvent.GIVEUP);
    }

    private static Optional<Transition> changed(WatcherStatus from, SubscriptionState to) {
        if (from == null || from == WatcherStatus.TERMINATED || from == WatcherStatus.WAITING) return Optional.empty();
        WatcherStatus next = status(to);
        if (next == from) return Optional.empty();
        return Optional.of(new Transition(next, next == WatcherStatus.ACTIVE ? WatcherEvent.APPROVED : WatcherEvent.SUBSCRIBE));
    }

    private static Optional<Transition> ended(WatcherStatus from, TerminationReason reason) {
        if (from == null || from == WatcherStatus.TERMINATED) return Optional.empty();
        if (from == WatcherStatus.PENDING && reason == TerminationReason.TIMEOUT) {
            return Optional.of(new Transition(WatcherStatus.WAITING, WatcherEvent.TIMEOUT));
        }
        if (from == WatcherStatus.WAITING) return Optional.empty(); // its subscription is already over
        return Optional.of(new Transition(WatcherStatus.TERMINATED, switch (reason) {
            case DEACTIVATED -> WatcherEvent.DEACTIVATED;
            case PROBATION -> WatcherEvent.PROBATION;
            case REJECTED -> WatcherEvent.REJECTED;
            case TIMEOUT -> WatcherEvent.TIMEOUT;
            case GIVEUP -> WatcherEvent.GIVEUP;
            case NORESOURCE, INVARIANT -> WatcherEvent.NORESOURCE;
        }));
    }

    private static WatcherStatus status(SubscriptionState state) {
        return switch (state) {
            case ACTIVE -> WatcherStatus.ACTIVE;
            case PENDING -> WatcherStatus.PENDING;
            case TERMINATED -> WatcherStatus.TERMINATED;
        };
    }
}
