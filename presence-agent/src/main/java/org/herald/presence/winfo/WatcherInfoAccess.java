package org.herald.presence.winfo;

import org.herald.sip.event.SubscriptionState;
import org.herald.sip.message.Aor;

/**
 * Who may subscribe to a presentity's watcher-info (RFC 3857 leaves it to policy, and says the
 * presentity itself is the usual subscriber). The answer is that of
 * {@link org.herald.sip.event.EventPackage#authorize}: ACTIVE, PENDING, or TERMINATED for a 403.
 *
 * <p>This is the extension point for "whom the presentity authorizes": an assistant, a delegate or an
 * application server listed in the presentity's own rules can be allowed by an implementation that
 * consults them, e.g. {@code presentityOnly().or(delegates::allowed)}.
 */
@FunctionalInterface
public interface WatcherInfoAccess {

    SubscriptionState authorize(Aor subscriber, Aor presentity);

    /** Only the presentity itself, the subscriber RFC 3857 has in mind. */
    static WatcherInfoAccess presentityOnly() {
        return (subscriber, presentity) -> subscriber.equals(presentity) ? SubscriptionState.ACTIVE : SubscriptionState.TERMINATED;
    }

    /** This policy, and where it refuses, the other one's answer. */
    default WatcherInfoAccess or(WatcherInfoAccess other) {
        return (subscriber, presentity) -> {
            SubscriptionState mine = authorize(subscriber, presentity);
            return mine == SubscriptionState.TERMINATED ? other.authorize(subscriber, presentity) : mine;
        };
    }
}
