package org.herald.push.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.herald.push.model.PushMessage;

/**
 * What a connection sent and still waits an ack for, and when to send each again: after
 * {@code initial}, then doubling up to {@code max}. Pure bookkeeping; not thread-safe (the session locks).
 */
final class Outbox {
    private record Entry(PushMessage message, int attempts, Instant next) {}

    private final Map<String, Entry> sent = new LinkedHashMap<>();
    private final Duration initial;
    private final Duration max;

    Outbox(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /** Records a first send; false if this message is out already (a duplicate offer). */
    boolean add(PushMessage message, Instant now) {
        if (sent.containsKey(message.id())) return false;
        sent.put(message.id(), new Entry(message, 1, now.plus(initial)));
        return true;
    }

    boolean contains(String id) {
        return sent.containsKey(id);
    }

    Optional<PushMessage> remove(String id) {
        return Optional.ofNullable(sent.remove(id)).map(Entry::message);
    }

    /** Messages whose wait ran out at {@code now}, in sending order; each gets its next, longer wait. */
    List<PushMessage> due(Instant now) {
        List<PushMessage> out = new ArrayList<>();
        sent.replaceAll((id, e) -> {
            if (now.isBefore(e.next())) return e;
            out.add(e.message());
            return new Entry(e.message(), e.attempts() + 1, now.plus(backoff(e.attempts())));
        });
        return out;
    }

    private Duration backoff(int attempts) {
        Duration d = initial.multipliedBy(1L << Math.min(attempts, 20));
        return d.compareTo(max) > 0 ? max : d;
    }

    int size() {
        return sent.size();
    }
}
