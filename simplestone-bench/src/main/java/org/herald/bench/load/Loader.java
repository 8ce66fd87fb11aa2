package org.herald.bench.load;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.herald.bench.correlate.Correlator;
import org.herald.bench.correlate.PublishStatus;
import org.herald.bench.sip.SipEndpoint;
import org.herald.bench.sip.SipMessage;
import org.herald.bench.spec.BenchSpec;

/**
 * SIMPLEStone's loader: PUBLISHes for each presentity on the schedule's slots, over its own socket.
 * Keeps each presentity's entity-tag (RFC 3903): a PUBLISH whose life overlapped another's for the same
 * presentity (sent before the previous one was answered, or followed by the next before its own answer:
 * the server may process them in either order) may find its tag replaced, and its 412 is counted as
 * STALE_ETAG apart from real failures.
 */
public final class Loader implements PublishLoop.Sender {
    private final BenchSpec spec;
    private final SipEndpoint endpoint;
    private final Correlator correlator;
    private final PresenceBody body;
    private final Ticker ticker;
    private final Traffic traffic;
    private final String runId;
    private final Presentity[] presentities;

    /** Mutable per-presentity state, guarded by its own monitor. */
    private static final class Presentity {
        String etag;
        int etagVersion;
        int outstanding;
        long cseq;
    }

    public Loader(BenchSpec spec, SipEndpoint endpoint, Correlator correlator, PresenceBody body, Ticker ticker,
                  Traffic traffic, String runId) {
        this.spec = spec;
        this.endpoint = endpoint;
        this.correlator = correlator;
        this.body = body;
        this.ticker = ticker;
        this.traffic = traffic;
        this.runId = runId;
        this.presentities = new Presentity[spec.population().presentities()];
        for (int i = 0; i < presentities.length; i++) presentities[i] = new Presentity();
    }

    @Override
    public void send(int p, long dueNanos, long sentNanos, boolean measured) {
        Presentity state = presentities[p];
        String etag;
        boolean overlapping;
        long cseq;
        synchronized (state) {
            etag = state.etag;
            overlapping = state.outstanding > 0;
            state.outstanding++;
            cseq = ++state.cseq;
        }
        int version = correlator.published(p, dueNanos, sentNanos, measured);
        String aor = aor(p);
        String text = request(p, cseq, etag, spec.load().publicationExpires(), body.render(aor, p, version));
        traffic.publishSent.increment();
        endpoint.request(branch(p, cseq), text, spec.success().publishTimeoutMs(),
                outcome -> answered(p, version, cseq, etag, overlapping, outcome));
    }

    private void answered(int p, int version, long cseq, String etagUsed, boolean sentOverlapping, SipEndpoint.Outcome outcome) {
        Presentity state = presentities[p];
        PublishStatus status;
        int code = 0;
        synchronized (state) {
            state.outstanding--;
            boolean overlapping = sentOverlapping || state.cseq > cseq;
            switch (outcome) {
                case SipEndpoint.Outcome.Answered(SipMessage.Response r) when r.status() / 100 == 2 -> {
                    code = r.status();
                    status = PublishStatus.ACCEPTED;
                    String tag = r.header("sip-etag");
                    if (tag != null && version > state.etagVersion) {
                        state.etag = tag;
                        state.etagVersion = version;
                    }
                }
                case SipEndpoint.Outcome.Answered(SipMessage.Response r) -> {
                    code = r.status();
                    status = r.status() == 412 && overlapping ? PublishStatus.STALE_ETAG : PublishStatus.REJECTED;
                    // the tag we used is unknown to the server: start over with an initial PUBLISH
                    if (r.status() == 412 && java.util.Objects.equals(etagUsed, state.etag)) {
                        state.etag = null;
                        state.etagVersion = version;
                    }
                }
                case SipEndpoint.Outcome.TimedOut t -> status = PublishStatus.TIMED_OUT;
            }
        }
        (status == PublishStatus.ACCEPTED ? traffic.publishOk : traffic.publishFailed).increment();
        correlator.answered(p, version, status, code, ticker.nanos());
    }

    /** Removes every publication (Expires: 0), waiting at most {@code timeoutMs}; returns how many were removed. */
    public int removeAll(long timeoutMs) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(presentities.length);
        java.util.concurrent.atomic.AtomicInteger removed = new java.util.concurrent.atomic.AtomicInteger();
        for (int p = 0; p < presentities.length; p++) {
            Presentity state = presentities[p];
            String etag;
            long cseq;
            synchronized (state) {
                etag = state.etag;
                cseq = ++state.cseq;
                state.etag = null;
            }
            if (etag == null) {
                done.countDown();
                continue;
            }
            endpoint.request(branch(p, cseq), request(p, cseq, etag, 0, null), timeoutMs, o -> {
                if (o instanceof SipEndpoint.Outcome.Answered a && a.response().status() / 100 == 2) removed.incrementAndGet();
                done.countDown();
            });
        }
        done.await(timeoutMs + 1000, TimeUnit.MILLISECONDS);
        return removed.get();
    }

    private String aor(int p) {
        return "sip:" + spec.population().presentityUser(p) + "@" + spec.target().domain();
    }

    private String branch(int p, long cseq) {
        return "z9hG4bK-ss" + runId + "-p" + p + "-" + cseq;
    }

    private String request(int p, long cseq, String etag, int expires, String pidf) {
        String aor = aor(p);
        StringBuilder b = new StringBuilder(pidf == null ? 400 : 400 + pidf.length());
        b.append("PUBLISH ").append(aor).append(" SIP/2.0\r\n")
                .append("Via: SIP/2.0/").append(endpoint.transportName()).append(' ').append(endpoint.local())
                .append(";branch=").append(branch(p, cseq)).append(";rport\r\n")
                .append("From: <").append(aor).append(">;tag=ss").append(runId).append('p').append(p).append("\r\n")
                .append("To: <").append(aor).append(">\r\n")
                .append("Call-ID: ss-").append(runId).append("-pub-").append(p).append("\r\n")
                .append("CSeq: ").append(cseq).append(" PUBLISH\r\n")
                .append("Max-Forwards: 70\r\nEvent: presence\r\n")
                .append("Expires: ").append(expires).append("\r\n");
        if (etag != null) b.append("SIP-If-Match: ").append(etag).append("\r\n");
        b.append("User-Agent: herald-simplestone\r\n");
        if (pidf == null) return b.append("Content-Length: 0\r\n\r\n").toString();
        byte[] bytes = pidf.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return b.append("Content-Type: application/pidf+xml\r\nContent-Length: ").append(bytes.length).append("\r\n\r\n")
                .append(pidf).toString();
    }
}
