package org.herald.push.api;

import org.herald.push.model.Device;
import org.herald.push.model.PushMessage;

/**
 * The wake step of the delivery path: a message was stored for a device whose connection is closed.
 * The wake-up proxy plugs in here (a UDP datagram to the {@code interface} a Notification Server device
 * announced, through its mobile network's proxy); the message itself waits in the store either way.
 */
@FunctionalInterface
public interface Waker {
    Waker NONE = (device, message) -> {};

    /** Called on its own virtual thread; may block. */
    void wake(Device device, PushMessage message);

    /** The device is connected again (registerUA or hello): a wake retry for it can stop. Must not block. */
    default void connected(String deviceId) {}
}
