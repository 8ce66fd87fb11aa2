package org.herald.push.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import org.herald.push.api.Json;
import org.herald.push.model.MessageState;
import org.herald.push.model.Priority;
import org.herald.push.model.PushMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both dialects do once a device is known on a connection: be its link in the {@link Router},
 * send its backlog and new messages, resend what is not acked, and record acks. Inbound frames come
 * one at a time from the shell; offers come from any thread and are queued, so the device gets them in
 * order and the offering thread (an application server's request) never waits for the device.
 */
abstract class DeviceSession implements DeviceLink {
    private static final Logger log = LoggerFactory.getLogger(DeviceSession.class);
    /** Messages out on one connection and not acked; beyond this they wait in the store. */
    static final int MAX_OUTSTANDING = 100;
    private static final Executor SENDER = r -> Thread.ofVirtual().name("herald-push-send").start(r);

    /** A low-priority message waiting for company until {@code due}. */
    private record Held(PushMessage message, Instant due) {}

    protected final PushContext ctx;
    protected final PushConnection connection;
    private final ReentrantLock lock = new ReentrantLock();
    // guarded by lock:
    private final Outbox outbox;
    private final Map<String, Held> held = new LinkedHashMap<>();
    private CompletableFuture<Void> sending = CompletableFuture.completedFuture(null);
    private boolean deferred; // messages were left in the store because of MAX_OUTSTANDING
    private volatile String deviceId;
    private volatile boolean closed;

    DeviceSession(PushContext ctx, PushConnection connection) {
        this.ctx = ctx;
        this.connection = connection;
        this.outbox = new Outbox(ctx.config().retryInitial(), ctx.config().retryMax());
    }

    /** Handles one parsed inbound message of this dialect. */
    abstract void handle(ObjectNode message);

    /** The message as this dialect sends it to the device. */
    abstract ObjectNode render(PushMessage message);

    String deviceId() {
        return deviceId;
    }

    /** Takes the device over on this connection and sends its backlog, most urgent first, at once. */
    void attach(String id) {
        if (id.equals(deviceId)) return;
        if (deviceId != null) ctx.router().detach(deviceId, this);
        deviceId = id;
        ctx.router().attach(id, this);
        ctx.waker().connected(id);
        List<PushMessage> backlog = ctx.messages().pendingFor(id);
        backlog.forEach(m -> enqueue(m, true));
    }

    /** A new message for the device; a low-priority one may wait for company (see {@link #send}). */
    @Override
    public void offer(PushMessage m) {
        enqueue(m, false);
    }

    /**
     * Queues the message for this connection: sends run one after another on a virtual thread, so the
     * device gets messages in the order they were offered and the offering thread never waits.
     */
    private void enqueue(PushMessage m, boolean now) {
        lock.lock();
        try {
            if (closed) return;
            sending = sending.thenRunAsync(() -> send(m, now), SENDER).exceptionally(e -> {
                log.warn("sending {} to {} failed: {}", m.id(), deviceId, e.toString());
                return null;
            });
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends unless sent already. Low and very-low priority messages, unless {@code now}, are held for up
     * to {@code push.low-priority-delay} (never past their TTL) and go out with the next message of normal
     * or high priority, so a device's radio wakes once for several. The delivered state is written under
     * the lock, so a later ack always wins.
     */
    private void send(PushMessage m, boolean now) {
        Instant at = ctx.clock().instant();
        if (m.expiredAt(at) || !m.state().pending()) return;
        lock.lock();
        try {
            if (closed || !m.deviceId().equals(deviceId) || outbox.contains(m.id())) return;
            Duration delay = ctx.config().lowPriorityDelay();
            if (!now && !delay.isZero() && m.priority().compareTo(Priority.LOW) >= 0) {
                Instant due = at.plus(delay).isBefore(m.expiresAt()) ? at.plus(delay) : m.expiresAt();
                held.putIfAbsent(m.id(), new Held(m, due));
                return;
            }
            sendLocked(m, at);
            if (m.priority().compareTo(Priority.NORMAL) <= 0) {
                held.values().forEach(h -> sendLocked(h.message(), at));
                held.clear();
            }
        } finally {
            lock.unlock();
        }
    }

    private void sendLocked(PushMessage m, Instant at) {
        if (outbox.contains(m.id()) || m.expiredAt(at)) return;
        if (outbox.size() >= MAX_OUTSTANDING) { // a device that does not ack: the rest waits in the store
            deferred = true;
            return;
        }
        outbox.add(m, at);
        if (m.state() == MessageState.ACCEPTED) ctx.messages().save(m.withState(MessageState.DELIVERED, at));
        connection.send(Json.write(render(m)));
    }

    /** Sends again what waited too long for an ack, and held low-priority messages whose wait is over. */
    @Override
    public void retry(Instant now) {
        lock.lock();
        try {
            if (closed) return;
            for (PushMessage m : outbox.due(now)) {
                if (m.expiredAt(now)) outbox.remove(m.id());
                else connection.send(Json.write(render(m)));
            }
            held.values().removeIf(h -> {
                if (now.isBefore(h.due())) return false;
                sendLocked(h.message(), now);
                return true;
            });
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void forget(String messageId) {
        lock.lock();
        try {
            outbox.remove(messageId);
            held.remove(messageId);
        } finally {
            lock.unlock();
        }
    }

    /** Records the device's answer to a message: acked, or refused. False if it is not this device's message. */
    boolean finish(String messageId, MessageState outcome) {
        boolean refill;
        lock.lock();
        try {
            outbox.remove(messageId);
            var stored = ctx.messages().find(messageId);
            if (stored.isEmpty() || !stored.get().deviceId().equals(deviceId)) return false;
            if (stored.get().state().pending()) ctx.messages().save(stored.get().withState(outcome, ctx.clock().instant()));
            refill = deferred && outbox.size() < MAX_OUTSTANDING / 2;
            if (refill) deferred = false;
        } finally {
            lock.unlock();
        }
        if (refill) ctx.messages().pendingFor(deviceId).forEach(this::offer);
        return true;
    }

    /** Messages sent to this connection and not yet acked. */
    int outstanding() {
        lock.lock();
        try {
            return outbox.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void replaced() {
        log.debug("device {} connected elsewhere; closing {}", deviceId, connection.remoteAddress());
        closed();
        connection.close();
    }

    /** The connection is gone: unsent and unacked messages stay pending in the store. */
    void closed() {
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
        if (deviceId != null) ctx.router().detach(deviceId, this);
    }
}
