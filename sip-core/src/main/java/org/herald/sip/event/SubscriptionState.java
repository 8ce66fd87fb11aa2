package org.herald.sip.event;

/** The Subscription-State values of RFC 6665 §4.1.3 / §8.2.3. */
public enum SubscriptionState {
    PENDING, ACTIVE, TERMINATED;

    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
