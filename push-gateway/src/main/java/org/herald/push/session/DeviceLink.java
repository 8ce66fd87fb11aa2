package org.herald.push.session;

import java.time.Instant;
import org.herald.push.model.PushMessage;

/** A connected device as the {@link Router} reaches it. */
public interface DeviceLink {
    /** Sends the message unless it is out already. */
    void offer(PushMessage message);

    /** Sends again what waited too long for an ack. */
    void retry(Instant now);

    /** Stops waiting for this message (it expired). */
    void forget(String messageId);

    /** Another connection took the device over: close this one. */
    void replaced();
}
