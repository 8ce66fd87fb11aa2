package org.herald.sip.event;

/** Told of every subscription's life events, after they happened and outside any lock. */
@FunctionalInterface
public interface SubscriptionListener {
    void on(SubscriptionEvent event);
}
