package org.herald.push.api;

import org.herald.push.model.PushMessage;

/** Hands a stored message to its device if it is connected, without making the application server wait. */
@FunctionalInterface
public interface Delivery {
    void deliver(PushMessage message);
}
