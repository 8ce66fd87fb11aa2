package org.herald.push.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.herald.push.model.PushMessage;

/**
 * Messages, one document per message and device. Pending ones (accepted or delivered) wait for the
 * device; finished ones stay a while so the application server can ask how it went.
 */
public interface MessageStore {
    /** Durable on return: only then may the application server hear ACCEPTED. */
    void save(PushMessage message);

    Optional<PushMessage> find(String id);

    /** The device's pending messages, most urgent first, then in the order they were accepted. */
    List<PushMessage> pendingFor(String deviceId);

    /** Every device's message of one application-server message. */
    List<PushMessage> inGroup(String group);

    /** Pending messages whose TTL ran out at {@code now}. */
    List<PushMessage> expired(Instant now, int limit);

    /** Finished messages last changed before {@code before} (to forget). */
    List<PushMessage> finishedBefore(Instant before, int limit);

    boolean delete(String id);
}
