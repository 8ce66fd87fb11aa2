package org.herald.presence.delta;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each subscriber of one resource has not been told yet, for packages whose NOTIFYs carry full
 * or partial state (RFC 3857 watcher-info, RFC 3680 reg). A subscriber is known from the NOTIFY that
 * gave it full state on; from then on every changed item is kept, by key, newest snapshot only,
 * because the Notifier coalesces NOTIFYs and the next one must list everything that changed since
 * the last. Forgetting a subscriber (its NOTIFY was not accepted, it ended, Herald restarted) makes
 * its next NOTIFY full state again.
 *
 * <p>Not thread-safe: the owner of the resource's state guards it.
 *
 * @param <V> a snapshot of one changed item, e.g. a watcher or a contact
 */
public final class Deltas<V> {

    /** What the next NOTIFY to a subscriber must carry. */
    public sealed interface Next<V> {
        /** Everything: the subscriber is new, or lost track. */
        record Full<V>() implements Next<V> {}

        /** Only these items, in the order they last changed (possibly none, e.g. after a refresh). */
        record Partial<V>(List<V> changed) implements Next<V> {
            public Partial {
                changed = List.copyOf(changed);
            }
        }
    }

    private final Map<String, LinkedHashMap<String, V>> bySubscriber = new HashMap<>();

    /** Records a changed item for every known subscriber, replacing an older snapshot of it. */
    public void changed(String key, V snapshot) {
        for (LinkedHashMap<String, V> pending : bySubscriber.values()) {
            pending.remove(key); // re-inserted last: the order is that of the latest changes
            pending.put(key, snapshot);
        }
    }

    /**
     * What the subscriber's next NOTIFY carries, and resets its record.
     *
     * @param keep whether to keep tracking it afterwards: false for a subscription that is already
     *             over (a fetch, a final NOTIFY), so nothing is left behind for it
     */
    public Next<V> take(String subscriber, boolean keep) {
        LinkedHashMap<String, V> pending = keep ? bySubscriber.get(subscriber) : bySubscriber.remove(subscriber);
        if (pending == null) {
            if (keep) bySubscriber.put(subscriber, new LinkedHashMap<>());
            return new Next.Full<>();
        }
        List<V> changed = new ArrayList<>(pending.values());
        pending.clear();
        return new Next.Partial<>(changed);
    }

    /** Stops tracking a subscriber: its next NOTIFY, if any, is full state. */
    public void forget(String subscriber) {
        bySubscriber.remove(subscriber);
    }

    public boolean isEmpty() {
        return bySubscriber.isEmpty();
    }
}
