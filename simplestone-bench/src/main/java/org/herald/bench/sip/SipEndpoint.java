package org.herald.bench.sip;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Client transactions over one {@link Transport}: a request is matched to its final response by the
 * Via branch, retransmitted over UDP (T1 = 500 ms doubling up to T2 = 4 s, RFC 3261 §17.1.2) and
 * given up after a timeout. Incoming requests go to the handler, which answers with {@link #respond}.
 */
public final class SipEndpoint implements AutoCloseable {
    static final long T1_MS = 500;
    static final long T2_MS = 4000;

    /** What happened to a request: its final response, or nothing within the timeout. */
    public sealed interface Outcome {
        record Answered(SipMessage.Response response) implements Outcome {}

        record TimedOut() implements Outcome {}
    }

    private final Transport transport;
    private final ScheduledExecutorService timers;
    private final Consumer<SipMessage.Request> handler;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong retransmissions = new AtomicLong();
    private final AtomicLong strayResponses = new AtomicLong();

    private record Pending(byte[] bytes, long deadlineNanos, Consumer<Outcome> done) {}

    private SipEndpoint(Transport transport, ScheduledExecutorService timers, Consumer<SipMessage.Request> handler) {
        this.transport = transport;
        this.timers = timers;
        this.handler = handler;
    }

    /** A transport of {@code kind} to host:port whose received requests go to {@code handler}. */
    public static SipEndpoint open(String kind, String host, int port, ScheduledExecutorService timers,
                                   Consumer<SipMessage.Request> handler) throws IOException {
        SipEndpoint[] self = new SipEndpoint[1];
        Transport t = Transport.open(kind, host, port, m -> self[0].received(m));
        self[0] = new SipEndpoint(t, timers, handler);
        return self[0];
    }

    private void received(SipMessage message) {
        switch (message) {
            case SipMessage.Request r -> handler.accept(r);
            case SipMessage.Response r -> {
                if (r.status() < 200) return;
                String branch = r.branch();
                Pending p = branch == null ? null : pending.remove(branch);
                if (p == null) strayResponses.incrementAndGet(); // a retransmitted answer, or one after our timeout
                else p.done().accept(new Outcome.Answered(r));
            }
        }
    }

    /** Sends a request whose top Via carries {@code branch}; {@code done} runs once, on a reader or timer thread. */
    public void request(String branch, String text, long timeoutMs, Consumer<Outcome> done) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Pending p = new Pending(bytes, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs), done);
        pending.put(branch, p);
        if (!trySend(bytes)) {
            if (pending.remove(branch, p)) done.accept(new Outcome.TimedOut());
            return;
        }
        long first = transport.reliable() ? timeoutMs : Math.min(T1_MS, timeoutMs);
        timers.schedule(() -> tick(branch, p, T1_MS), first, TimeUnit.MILLISECONDS);
    }

    private void tick(String branch, Pending p, long interval) {
        if (pending.get(branch) != p) return; // answered
        long left = TimeUnit.NANOSECONDS.toMillis(p.deadlineNanos() - System.nanoTime());
        if (left <= 0) {
            if (pending.remove(branch, p)) p.done().accept(new Outcome.TimedOut());
            return;
        }
        if (!transport.reliable()) {
            retransmissions.incrementAndGet();
            trySend(p.bytes());
        }
        long next = Math.min(interval * 2, T2_MS);
        timers.schedule(() -> tick(branch, p, next), transport.reliable() ? left : Math.min(next, left), TimeUnit.MILLISECONDS);
    }

    /** Answers a received request with an empty response, copying the headers RFC 3261 §8.2.6.2 asks for. */
    public void respond(SipMessage.Request r, int status, String reason) {
        StringBuilder b = new StringBuilder(256).append("SIP/2.0 ").append(status).append(' ').append(reason).append("\r\n");
        for (String via : r.all("via")) b.append("Via: ").append(via).append("\r\n");
        String to = r.header("to");
        if (to != null && SipMessage.param(to, "tag") == null && status > 100) to = to + ";tag=ss" + Integer.toHexString(to.hashCode());
        b.append("From: ").append(r.header("from")).append("\r\n")
                .append("To: ").append(to).append("\r\n")
                .append("Call-ID: ").append(r.callId()).append("\r\n")
                .append("CSeq: ").append(r.header("cseq")).append("\r\n")
                .append("Content-Length: 0\r\n\r\n");
        trySend(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    private boolean trySend(byte[] bytes) {
        try {
            transport.send(bytes);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public String local() {
        return transport.local();
    }

    public String transportName() {
        return transport.name();
    }

    public long retransmissions() {
        return retransmissions.get();
    }

    public long strayResponses() {
        return strayResponses.get();
    }

    public long malformed() {
        return transport.malformed();
    }

    public int outstanding() {
        return pending.size();
    }

    @Override
    public void close() {
        transport.close();
    }
}
