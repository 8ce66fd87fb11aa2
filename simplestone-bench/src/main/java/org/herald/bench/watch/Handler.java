package org.herald.bench.watch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.herald.bench.correlate.Correlator;
import org.herald.bench.load.PresenceBody;
import org.herald.bench.load.Ticker;
import org.herald.bench.load.Traffic;
import org.herald.bench.sip.SipEndpoint;
import org.herald.bench.sip.SipMessage;
import org.herald.bench.spec.BenchSpec;

/**
 * SIMPLEStone's handler: holds one SUBSCRIBE dialog per watcher, answers every NOTIFY with 200 and
 * tells the correlator which version each NOTIFY carried. A subscription is established once it has
 * both its 2xx and its first NOTIFY, in either order (RFC 6665 §4.1.2.4).
 */
public final class Handler implements Consumer<SipMessage.Request> {
    private final BenchSpec spec;
    private final Correlator correlator;
    private final Ticker ticker;
    private final Traffic traffic;
    private final String runId;
    private final Watcher[] watchers;
    private final Map<String, Watcher> byCallId = new ConcurrentHashMap<>();
    private final LongAdder terminated = new LongAdder();
    private final LongAdder unknownDialog = new LongAdder();
    private final Map<String, LongAdder> bodyTypes = new ConcurrentHashMap<>();
    private final AtomicInteger established = new AtomicInteger();
    private volatile SipEndpoint endpoint;
    private volatile CountDownLatch allEstablished;
    private final String filter;

    /** One watcher's dialog; fields guarded by its monitor. */
    private static final class Watcher {
        final int index;
        final String callId;
        boolean answered;
        boolean notified;
        boolean counted;
        String remoteTag;
        long cseq = 1;

        Watcher(int index, String callId) {
            this.index = index;
            this.callId = callId;
        }
    }

    public Handler(BenchSpec spec, Correlator correlator, Ticker ticker, Traffic traffic, String runId) {
        this.spec = spec;
        this.correlator = correlator;
        this.ticker = ticker;
        this.traffic = traffic;
        this.runId = runId;
        this.filter = readFilter(spec.watch().filterFile());
        this.watchers = new Watcher[spec.population().watchers()];
        for (int w = 0; w < watchers.length; w++) {
            watchers[w] = new Watcher(w, "ss-" + runId + "-sub-" + w);
            byCallId.put(watchers[w].callId, watchers[w]);
        }
    }

    private static String readFilter(String file) {
        if (file == null) return null;
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(file));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("watch.filter-file: cannot read " + file, e);
        }
    }

    public void attach(SipEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Sends every SUBSCRIBE at {@code rate}/s and waits until all are established or {@code timeoutMs} passed. */
    public int subscribeAll(double rate, long timeoutMs) throws InterruptedException {
        allEstablished = new CountDownLatch(watchers.length);
        long start = ticker.nanos();
        for (Watcher w : watchers) {
            ticker.sleepUntil(start + (long) (w.index * 1e9 / rate));
            subscribe(w, spec.population().subscriptionExpires());
        }
        allEstablished.await(timeoutMs, TimeUnit.MILLISECONDS);
        return established.get();
    }

    /** Ends every subscription (Expires: 0); the final NOTIFYs are answered but not counted. */
    public void unsubscribeAll(long timeoutMs) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(watchers.length);
        for (Watcher w : watchers) subscribe(w, 0, o -> done.countDown());
        done.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    private void subscribe(Watcher w, int expires) {
        subscribe(w, expires, outcome -> {
            if (outcome instanceof SipEndpoint.Outcome.Answered a && a.response().status() / 100 == 2) {
                traffic.subscribeOk.increment();
                synchronized (w) {
                    if (w.remoteTag == null) w.remoteTag = SipMessage.param(a.response().header("to"), "tag");
                    w.answered = true;
                    checkEstablished(w);
                }
            }
        });
    }

    private void subscribe(Watcher w, int expires, Consumer<SipEndpoint.Outcome> done) {
        int p = w.index / spec.population().watchersPerPresentity();
        String domain = spec.target().domain();
        String target = "sip:" + spec.population().presentityUser(p) + "@" + domain;
        String user = spec.population().watcherUser(w.index);
        long cseq;
        String toTag;
        synchronized (w) {
            cseq = w.cseq++;
            toTag = w.remoteTag;
        }
        String branch = "z9hG4bK-ss" + runId + "-w" + w.index + "-" + cseq;
        SipEndpoint ep = endpoint;
        String text = "SUBSCRIBE " + target + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + ep.transportName() + " " + ep.local() + ";branch=" + branch + ";rport\r\n"
                + "From: <sip:" + user + "@" + domain + ">;tag=ss" + runId + "w" + w.index + "\r\n"
                + "To: <" + target + ">" + (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
                + "Call-ID: " + w.callId + "\r\n"
                + "CSeq: " + cseq + " SUBSCRIBE\r\n"
                + "Contact: <sip:" + user + "@" + ep.local() + ";transport=" + ep.transportName().toLowerCase(java.util.Locale.ROOT) + ">\r\n"
                + "Max-Forwards: 70\r\nEvent: presence\r\nAccept: " + spec.watch().accept() + "\r\n"
                + "Expires: " + expires + "\r\nUser-Agent: herald-simplestone\r\n"
                + (filter == null || expires == 0 ? "Content-Length: 0\r\n\r\n"
                : "Content-Type: application/simple-filter+xml\r\nContent-Length: "
                        + filter.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "\r\n\r\n" + filter);
        traffic.subscribeSent.increment();
        ep.request(branch, text, spec.success().publishTimeoutMs(), done);
    }

    @Override
    public void accept(SipMessage.Request r) {
        SipEndpoint ep = endpoint;
        if (!r.method().equals("NOTIFY")) {
            if (!r.method().equals("ACK")) ep.respond(r, 405, "Method Not Allowed");
            return;
        }
        long now = ticker.nanos();
        Watcher w = byCallId.get(r.callId());
        if (w == null) {
            unknownDialog.increment();
            ep.respond(r, 481, "Call/Transaction Does Not Exist");
            return;
        }
        ep.respond(r, 200, "OK");
        traffic.notifyReceived.increment();
        String type = r.header("content-type");
        bodyTypes.computeIfAbsent(type == null ? "(none)" : type.trim(), k -> new LongAdder()).increment();
        String state = r.header("subscription-state");
        if (state != null && state.trim().toLowerCase(java.util.Locale.ROOT).startsWith("terminated")) terminated.increment();
        correlator.notified(w.index, PresenceBody.version(r.bodyText(), runId), now);
        synchronized (w) {
            if (w.remoteTag == null) w.remoteTag = SipMessage.param(r.header("from"), "tag");
            w.notified = true;
            checkEstablished(w);
        }
    }

    private void checkEstablished(Watcher w) {
        if (w.answered && w.notified && !w.counted) {
            w.counted = true;
            established.incrementAndGet();
            CountDownLatch latch = allEstablished;
            if (latch != null) latch.countDown();
        }
    }

    public int established() {
        return established.get();
    }

    public long terminatedNotifies() {
        return terminated.sum();
    }

    /** NOTIFYs received by Content-Type: shows whether partial notification (pidf-diff) was used. */
    public Map<String, Long> notifyBodyTypes() {
        Map<String, Long> out = new java.util.TreeMap<>();
        bodyTypes.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    public long unknownDialogNotifies() {
        return unknownDialog.sum();
    }
}
