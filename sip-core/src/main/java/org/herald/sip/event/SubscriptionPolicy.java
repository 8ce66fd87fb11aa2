package org.herald.sip.event;

/**
 * Limits on subscription lifetimes, in seconds (RFC 6665 §4.2.1.1): shorter non-zero requests get
 * 423 with Min-Expires, longer ones are shortened.
 */
public record SubscriptionPolicy(int minExpires, int maxExpires) {
    public static SubscriptionPolicy defaults() {
        return new SubscriptionPolicy(60, 7200);
    }
}
