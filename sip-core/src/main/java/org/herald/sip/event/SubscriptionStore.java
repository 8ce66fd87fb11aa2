package org.herald.sip.event;

import java.util.List;
import java.util.Optional;

/** The subscriptions aggregate: one document per subscription, dialog state included. */
public interface SubscriptionStore {

    Optional<Subscription> find(String id);

    /** Inserts or replaces durably. */
    void save(Subscription subscription);

    void remove(String id);

    /** Every stored subscription, for loading at start-up. */
    List<Subscription> all();

    long count();
}
