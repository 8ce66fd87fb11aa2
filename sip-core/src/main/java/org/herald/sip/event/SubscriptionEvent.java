package org.herald.sip.event;

/**
 * Something that happened to a subscription, for those who watch the watchers (RFC 3857 watcher-info).
 * Each carries the subscription as it is after the event.
 */
public sealed interface SubscriptionEvent {
    Subscription subscription();

    /** A new subscription, pending or active. */
    record Created(Subscription subscription) implements SubscriptionEvent {}

    /** Its state changed (pending → active when the presentity allows it, for instance). */
    record StateChanged(Subscription subscription, SubscriptionState from) implements SubscriptionEvent {}

    /**
     * It ended: unsubscribed or expired (TIMEOUT), rejected by new rules (REJECTED), ended by Herald
     * (DEACTIVATED, NORESOURCE...), or its subscriber stopped answering NOTIFYs (TIMEOUT).
     */
    record Ended(Subscription subscription, TerminationReason reason) implements SubscriptionEvent {}
}
