package org.herald.push.model;

import java.util.Locale;

/** Where a message is, as the application server sees it. */
public enum MessageState {
    /** Stored, not yet sent to the device. */
    ACCEPTED,
    /** Sent to the device, no ack yet (it will be sent again). */
    DELIVERED,
    /** The device acknowledged it. */
    ACKED,
    /** Its TTL passed before the device acknowledged it. */
    EXPIRED,
    /** The device refused it (Mozilla nack), e.g. it could not decrypt it. */
    REJECTED,
    /** A newer message with the same topic took its place before delivery. */
    REPLACED,
    /** The device ended the subscription (Mozilla unregister) before acknowledging it. */
    UNSUBSCRIBED;

    /** Still to be delivered or acknowledged. */
    public boolean pending() {
        return this == ACCEPTED || this == DELIVERED;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
