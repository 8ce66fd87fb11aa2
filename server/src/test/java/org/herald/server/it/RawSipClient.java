package org.herald.server.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * A deliberately small SIP client over a real socket, for tests that need control SIPp does not give:
 * TLS and WebSocket (RFC 7118) flows, malformed or oversized messages, and answering requests that
 * arrive on the same connection. Requests are built from a few fields plus free header lines; every
 * received message is parsed by start line, headers and Content-Length and queued until a test takes it.
 */
public final class RawSipClient implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Map<String, String> COMPACT = Map.of("v", "via", "f", "from", "t", "to", "i", "call-id",
            "m", "contact", "l", "content-length", "c", "content-type", "e", "content-encoding", "k", "supported",
            "o", "event");

    /** A parsed SIP request or response. Header names keep their case; lookups ignore it and know compact forms. */
    public record Message(String startLine, List<Map.Entry<String, String>> headerLines, byte[] body) {

        public boolean isResponse() {
            return startLine.startsWith("SIP/2.0 ");
        }

        public int status() {
            if (!isResponse()) throw new IllegalStateException("not a response: " + startLine);
            return Integer.parseInt(startLine.substring(8, 11));
        }

        /** The method of a request, or the CSeq method of a response. */
        public String method() {
            if (!isResponse()) return startLine.substring(0, startLine.indexOf(' '));
            String cseq = header("CSeq").orElse("");
            return cseq.substring(cseq.indexOf(' ') + 1).trim();
        }

        public String requestUri() {
            String[] parts = startLine.split(" ");
            return parts[1];
        }

        public Optional<String> header(String name) {
            List<String> all = headers(name);
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
        }

        public List<String> headers(String name) {
            String wanted = canonical(name);
            List<String> out = new ArrayList<>();
            for (var h : headerLines) if (canonical(h.getKey()).equals(wanted)) out.add(h.getValue());
            return out;
        }

        public String callId() {
            return header("Call-ID").orElse("");
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The tag parameter of a From or To value. */
        public Optional<String> tag(String header) {
            return header(header).flatMap(v -> {
                var m = java.util.regex.Pattern.compile(";\\s*tag=([^;>\\s,]+)").matcher(v);
                return m.find() ? Optional.of(m.group(1)) : Optional.empty();
            });
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(startLine).append("\r\n");
            headerLines.forEach(h -> sb.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n"));
            return sb.append("\r\n").append(bodyText()).toString();
        }

        private static String canonical(String name) {
            String lower = name.trim().toLowerCase(Locale.ROOT);
            return COMPACT.getOrDefault(lower, lower);
        }
    }

    /** A request under construction; {@link #send()} fills in what a test does not care about. */
    public final class Request {
        private final String method;
        private final String uri;
        private String from;
        private String fromTag = newToken();
        private String to;
        private String toTag;
        private String callId = newToken() + "@raw.invalid";
        private long cseq = 1;
        private final List<String> lines = new ArrayList<>();
        private String contentType;
        private byte[] body = new byte[0];
        private String maxForwards = "70";

        Request(String method, String uri) {
            this.method = method;
            this.uri = uri;
            String aor = uri.startsWith("sip:") ? uri : "sip:" + uri;
            this.from = aor;
            this.to = aor;
        }

        public Request from(String aor) {
            this.from = aor.startsWith("sip:") ? aor : "sip:" + aor;
            return this;
        }

        public Request fromTag(String tag) {
            this.fromTag = tag;
            return this;
        }

        public Request to(String aor) {
            this.to = aor.startsWith("sip:") ? aor : "sip:" + aor;
            return this;
        }

        public Request toTag(String tag) {
            this.toTag = tag;
            return this;
        }

        public Request callId(String id) {
            this.callId = id;
            return this;
        }

        public Request cseq(long n) {
            this.cseq = n;
            return this;
        }

        /** The Max-Forwards value; null leaves the header out. */
        public Request maxForwards(String value) {
            this.maxForwards = value;
            return this;
        }

        /** A header line, e.g. {@code header("Event", "presence")}. */
        public Request header(String name, Object value) {
            lines.add(name + ": " + value);
            return this;
        }

        public Request body(String type, String text) {
            return body(type, text.getBytes(StandardCharsets.UTF_8));
        }

        public Request body(String type, byte[] bytes) {
            this.contentType = type;
            this.body = bytes;
            return this;
        }

        public String callId() {
            return callId;
        }

        public String fromTag() {
            return fromTag;
        }

        public byte[] encode() {
            StringBuilder sb = new StringBuilder();
            sb.append(method).append(' ').append(uri).append(" SIP/2.0\r\n");
            sb.append("Via: SIP/2.0/").append(transport).append(' ').append(viaSentBy())
                    .append(";branch=z9hG4bK").append(newToken()).append(";rport\r\n");
            if (maxForwards != null) sb.append("Max-Forwards: ").append(maxForwards).append("\r\n");
            sb.append("From: <").append(from).append(">;tag=").append(fromTag).append("\r\n");
            sb.append("To: <").append(to).append('>').append(toTag == null ? "" : ";tag=" + toTag).append("\r\n");
            sb.append("Call-ID: ").append(callId).append("\r\n");
            sb.append("CSeq: ").append(cseq).append(' ').append(method).append("\r\n");
            for (String line : lines) sb.append(line).append("\r\n");
            if (contentType != null) sb.append("Content-Type: ").append(contentType).append("\r\n");
            sb.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(body);
            return out.toByteArray();
        }

        /** Sends and returns the first final response to it. */
        public Message send() {
            sendOnly();
            return awaitFinal(callId, cseq, method);
        }

        public void sendOnly() {
            sendRaw(encode());
        }
    }

    private final String transport;
    private final SipWire wire;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<Message> inbox = new ArrayList<>();
    private volatile boolean peerClosed;

    private RawSipClient(String transport, java.util.function.Function<SipWire.Sink, SipWire> wire) {
        this.transport = transport;
        this.wire = wire.apply(new SipWire.Sink() {
            @Override
            public void message(byte[] whole) {
                Message m = parse(whole);
                if (m != null) deliver(m);
            }

            @Override
            public void closed() {
                markClosed();
            }
        });
    }

    /** UDP from a fresh port to the server's SIP port. */
    public static RawSipClient udp(int serverPort) {
        return udp(0, serverPort);
    }

    /** UDP from the given local port (0: any). */
    public static RawSipClient udp(int localPort, int serverPort) {
        return new RawSipClient("UDP", sink -> SipWire.udp(localPort, serverPort, sink));
    }

    public static RawSipClient tcp(int serverPort) {
        return new RawSipClient("TCP", sink -> SipWire.tcp(serverPort, sink));
    }

    /** TLS to the server's self-signed certificate, trusted blindly. */
    public static RawSipClient tls(int serverPort) {
        return new RawSipClient("TLS", sink -> SipWire.tls(serverPort, sink));
    }

    /** SIP over WebSocket (RFC 7118): subprotocol {@code sip}, one message per text frame. */
    public static RawSipClient ws(int serverPort) {
        return new RawSipClient("WS", sink -> SipWire.ws(serverPort, sink));
    }

    public String transport() {
        return transport;
    }

    /** The Via sent-by of this client: its address and port, or an invalid host name on WebSocket. */
    public String viaSentBy() {
        return wire.sentBy();
    }

    /** A Contact URI reachable only over this client's flow, with the transport parameter. */
    public String contactUri(String user) {
        return "sip:" + user + "@" + viaSentBy() + (transport.equals("UDP") ? "" : ";transport=" + transport.toLowerCase(Locale.ROOT));
    }

    public Request request(String method, String uri) {
        return new Request(method, uri);
    }

    public void send(String text) {
        sendRaw(text.getBytes(StandardCharsets.UTF_8));
    }

    public void sendRaw(byte[] bytes) {
        try {
            wire.send(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers a request that arrived on this client with the status and no body. */
    public void reply(Message request, int status, String reason) {
        StringBuilder sb = new StringBuilder("SIP/2.0 ").append(status).append(' ').append(reason).append("\r\n");
        for (var h : request.headerLines()) {
            String name = Message.canonical(h.getKey());
            if (name.equals("via") || name.equals("from") || name.equals("call-id") || name.equals("cseq")) {
                sb.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
            } else if (name.equals("to")) {
                String to = h.getValue();
                if (!to.contains(";tag=") && status > 100) to = to + ";tag=" + newToken();
                sb.append(h.getKey()).append(": ").append(to).append("\r\n");
            }
        }
        sb.append("Content-Length: 0\r\n\r\n");
        send(sb.toString());
    }

    /** The first message received (and not yet taken) that matches, waiting up to the timeout. */
    public Message await(Predicate<Message> matching, Duration timeout, String what) {
        Optional<Message> m = poll(matching, timeout);
        if (m.isEmpty()) fail("timed out after " + timeout.toMillis() + " ms waiting for " + what + " over " + transport
                + "; unmatched: " + pending());
        return m.get();
    }

    public Optional<Message> poll(Predicate<Message> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                for (int i = 0; i < inbox.size(); i++) {
                    if (matching.test(inbox.get(i))) return Optional.of(inbox.remove(i));
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) return Optional.empty();
                arrived.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    public Message awaitRequest(String method) {
        return await(m -> !m.isResponse() && m.method().equals(method), WAIT, "a " + method);
    }

    /** The first final response for this transaction (provisional ones are taken and dropped). */
    public Message awaitFinal(String callId, long cseq, String method) {
        return await(m -> m.isResponse() && m.status() >= 200 && m.callId().equals(callId)
                && m.header("CSeq").orElse("").trim().equals(cseq + " " + method), WAIT, "the final response to " + method);
    }

    /** Any response at all within the time, e.g. to show a garbage message got none. */
    public Optional<Message> anyResponse(Duration timeout) {
        return poll(Message::isResponse, timeout);
    }

    public List<Message> pending() {
        lock.lock();
        try {
            return List.copyOf(inbox);
        } finally {
            lock.unlock();
        }
    }

    /** True once the server closed a connection-oriented flow. */
    public boolean peerClosed() {
        return peerClosed;
    }

    @Override
    public void close() {
        wire.close();
    }

    static String newToken() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private void deliver(Message m) {
        lock.lock();
        try {
            inbox.add(m);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void markClosed() {
        peerClosed = true;
        lock.lock();
        try {
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    // ---- parsing ----

    /** Parses one whole message (a datagram or a WebSocket message); null if it is not SIP at all. */
    static Message parse(byte[] data) {
        int end = indexOf(data, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (end < 0) return null;
        Message head = parseHead(new String(data, 0, end, StandardCharsets.UTF_8));
        if (head == null) return null;
        byte[] body = java.util.Arrays.copyOfRange(data, end + 4, data.length);
        return new Message(head.startLine(), head.headerLines(), body);
    }

    private static Message parseHead(String head) {
        String[] lines = head.replace("\r\n ", " ").replace("\r\n\t", " ").split("\r\n");
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) first++;
        if (first == lines.length) return null;
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = first + 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) continue;
            headers.add(Map.entry(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()));
        }
        return new Message(lines[first], headers, new byte[0]);
    }

    private static int indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) if (data[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
