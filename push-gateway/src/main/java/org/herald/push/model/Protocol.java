package org.herald.push.model;

/** The two dialects spoken on {@code /push}, told apart by the first message. */
public enum Protocol {
    /** The Notification Server protocol: registerUA, registerWA, getAllMessages, ack. */
    NOTIFICATION_SERVER,
    /** The Mozilla push protocol Firefox speaks: hello, register, unregister, ack, nack. */
    MOZILLA
}
