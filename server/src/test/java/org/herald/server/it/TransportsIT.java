package org.herald.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * REGISTER and SUBSCRIBE over TLS and over SIP-over-WebSocket (RFC 7118), with the NOTIFY coming back
 * on the connection the SUBSCRIBE arrived on; and bindings that go away with their connection.
 */
class TransportsIT {
    private static final String PIDF = "application/pidf+xml";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("auth.mode=open");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawSipClient connect(String transport) {
        return switch (transport) {
            case "TCP" -> RawSipClient.tcp(server.sipPort);
            case "TLS" -> RawSipClient.tls(server.tlsPort);
            case "WS" -> RawSipClient.ws(server.wsPort);
            default -> throw new IllegalArgumentException(transport);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLS", "WS"})
    void registersAndSubscribesWithNotifiesOnTheSameConnection(String transport) {
        String t = transport.toLowerCase(Locale.ROOT);
        String user = "ann-" + t + "@localhost";
        String presentity = "ben-" + t + "@localhost";
        try (RawSipClient client = connect(transport)) {
            String contact = client.contactUri("ann-" + t);
            RawSipClient.Message registered = client.request("REGISTER", "sip:localhost").from(user).to(user)
                    .header("Contact", "<" + contact + ">").header("Expires", 600).send();
            assertEquals(200, registered.status(), () -> "REGISTER over " + transport + ":\n" + registered);
            assertTrue(String.join(",", registered.headers("Contact")).contains("<sip:ann-" + t + "@"),
                    () -> "the 200 lists the new binding:\n" + registered);

            RawSipClient.Request subscribe = client.request("SUBSCRIBE", "sip:" + presentity).from(user).to(presentity)
                    .header("Contact", "<" + contact + ">").header("Event", "presence").header("Accept", PIDF)
                    .header("Expires", 600);
            RawSipClient.Message accepted = subscribe.send();
            assertEquals(200, accepted.status(), () -> "SUBSCRIBE over " + transport + ":\n" + accepted);
            String toTag = accepted.tag("To").orElseThrow(() -> new AssertionError("the 200 to SUBSCRIBE has no To tag"));

            RawSipClient.Message first = client.awaitRequest("NOTIFY");
            assertEquals(subscribe.callId(), first.callId(), "the NOTIFY belongs to the subscription's dialog");
            assertTrue(first.requestUri().startsWith("sip:ann-" + t + "@"), () -> "the NOTIFY goes to the subscriber:\n" + first);
            assertEquals(subscribe.fromTag(), first.tag("To").orElse(null), "the NOTIFY's To tag is the subscriber's");
            assertEquals(toTag, first.tag("From").orElse(null), "the NOTIFY's From tag is the one of the 200");
            assertTrue(first.header("Via").orElse("").toUpperCase(Locale.ROOT).startsWith("SIP/2.0/" + transport),
                    () -> "the NOTIFY came over " + transport + ":\n" + first);
            assertTrue(first.header("Subscription-State").orElse("").startsWith("active"), () -> first.toString());
            assertEquals("presence", first.header("Event").orElse(""));
            assertEquals(PIDF, first.header("Content-Type").orElse("").trim());
            assertTrue(first.bodyText().contains("entity=\"sip:" + presentity + "\""), () -> first.bodyText());
            client.reply(first, 200, "OK");

            // the presentity publishes from elsewhere: the next NOTIFY still comes over this connection
            try (RawSipClient publisher = RawSipClient.udp(server.sipPort)) {
                RawSipClient.Message published = publisher.request("PUBLISH", "sip:" + presentity)
                        .header("Event", "presence").header("Expires", 600)
                        .body(PIDF, pidf(presentity, "open", "over-" + t)).send();
                assertEquals(200, published.status(), () -> published.toString());
            }
            RawSipClient.Message second = client.awaitRequest("NOTIFY");
            assertEquals(subscribe.callId(), second.callId());
            assertTrue(second.bodyText().contains("over-" + t), () -> "the NOTIFY carries the publication:\n" + second);
            client.reply(second, 200, "OK");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TCP", "TLS", "WS"})
    void bindingGoesAwayWithItsConnection(String transport) {
        String name = "cid-" + transport.toLowerCase(Locale.ROOT);
        String aor = name + "@localhost";
        try (RawSipClient udp = RawSipClient.udp(server.sipPort)) {
            String udpContact = udp.contactUri(name + "-udp");
            assertEquals(200, udp.request("REGISTER", "sip:localhost").from(aor).to(aor)
                    .header("Contact", "<" + udpContact + ">").header("Expires", 600).send().status());

            String binding = "<sip:" + name + "@"; // how the connection's binding shows, whatever its host part
            RawSipClient client = connect(transport);
            try {
                String contact = client.contactUri(name);
                RawSipClient.Message registered = client.request("REGISTER", "sip:localhost").from(aor).to(aor)
                        .header("Contact", "<" + contact + ">").header("Expires", 600).send();
                assertEquals(200, registered.status(), () -> registered.toString());
                String bindings = contacts(udp, aor);
                assertTrue(bindings.contains(binding) && bindings.contains(udpContact),
                        () -> "both bindings are there while the connection is open: " + bindings);
            } finally {
                client.close();
            }

            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            String bindings = contacts(udp, aor);
            while (bindings.contains(binding) && System.nanoTime() < deadline) {
                sleep(50);
                bindings = contacts(udp, aor);
            }
            String last = bindings;
            assertFalse(last.contains(binding), () -> "the " + transport + " binding is dropped when its connection closes: " + last);
            assertTrue(last.contains(udpContact), () -> "the UDP binding of the same AOR stays: " + last);
        }
    }

    /**
     * RFC 7118 §5 and its Appendix A: a WebSocket client registers an unresolvable Contact
     * ({@code sip:alice@df7jal23ls0d.invalid;transport=ws}); the registrar keeps it as sent (RFC 3261 §10.3:
     * the 200 lists the bindings, which is how the client finds its own) and requests reach the client along
     * its connection anyway, with that URI as their Request-URI.
     */
    @Test
    void webSocketContactIsKeptAsTheClientSentIt() {
        String user = "wsc@localhost";
        try (RawSipClient client = connect("WS")) {
            String contact = client.contactUri("wsc");
            RawSipClient.Message registered = client.request("REGISTER", "sip:localhost").from(user).to(user)
                    .header("Contact", "<" + contact + ">").header("Expires", 600).send();
            assertEquals(200, registered.status(), () -> registered.toString());
            assertTrue(String.join(",", registered.headers("Contact")).contains("<" + contact + ">"),
                    () -> "the 200 lists the binding as registered, <" + contact + ">:\n" + registered);

            RawSipClient.Message accepted = client.request("SUBSCRIBE", "sip:wsd@localhost").from(user).to("wsd@localhost")
                    .header("Contact", "<" + contact + ">").header("Event", "presence").header("Expires", 600).send();
            assertEquals(200, accepted.status(), () -> accepted.toString());
            RawSipClient.Message notify = client.awaitRequest("NOTIFY");
            client.reply(notify, 200, "OK");
            assertEquals(contact, notify.requestUri(), "the NOTIFY's Request-URI is the subscriber's Contact");
        }
    }

    // ---- the WebSocket close handshake, on a raw socket to see exactly what the server does ----

    /**
     * RFC 6455 §5.5.1: an endpoint that receives a Close frame answers with one, and once both are sent and
     * received it MUST close the TCP connection. Only then is the flow gone, and with it the binding.
     */
    @Test
    void webSocketCloseHandshakeEndsTheConnectionAndTheBinding() throws Exception {
        String aor = "wsclose@localhost";
        try (Socket socket = webSocket(); RawSipClient udp = RawSipClient.udp(server.sipPort)) {
            var in = socket.getInputStream();
            var out = socket.getOutputStream();
            out.write(frame(1, register(aor, "ws-close-1")));
            WsFrame answer = readFrame(in);
            assertTrue(answer != null && answer.opcode() == 1 && answer.text().startsWith("SIP/2.0 200"),
                    () -> "REGISTER over a raw WebSocket: " + answer);
            assertTrue(contacts(udp, aor).contains("<sip:wsclose@"), "the binding is there");

            out.write(frame(8, new byte[] {0x03, (byte) 0xe8})); // 1000, normal closure
            WsFrame close = readFrame(in);
            assertTrue(close != null && close.opcode() == 8, () -> "the server answers the Close frame: " + close);
            assertEquals(-1, readOrTimeout(in), "after the close handshake the server closes the TCP connection");

            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (contacts(udp, aor).contains("<sip:wsclose@") && System.nanoTime() < deadline) sleep(50);
            assertFalse(contacts(udp, aor).contains("<sip:wsclose@"), "the binding went with its connection");
        }
    }

    /** A client that unregisters and closes at once puts both frames in one TCP segment: both count. */
    @Test
    void webSocketCloseRightBehindARequestIsStillAnswered() throws Exception {
        try (Socket socket = webSocket()) {
            var in = socket.getInputStream();
            ByteArrayOutputStream both = new ByteArrayOutputStream();
            both.writeBytes(frame(1, register("wsquick@localhost", "ws-close-2")));
            both.writeBytes(frame(8, new byte[] {0x03, (byte) 0xe8}));
            socket.getOutputStream().write(both.toByteArray());
            WsFrame answer = readFrame(in);
            assertTrue(answer != null && answer.opcode() == 1 && answer.text().startsWith("SIP/2.0 200"),
                    () -> "the REGISTER is answered: " + answer);
            WsFrame close = readFrame(in);
            assertTrue(close != null && close.opcode() == 8, () -> "the Close frame right behind it is answered too: " + close);
        }
    }

    private record WsFrame(int opcode, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "frame opcode " + opcode + ": " + (opcode == 1 ? text() : HexFormat.of().formatHex(payload));
        }
    }

    /** A WebSocket connection with subprotocol sip, opened by hand (RFC 6455 §4.1), reads timing out after 2 s. */
    private static Socket webSocket() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.wsPort);
        socket.setSoTimeout(2000);
        socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + server.wsPort + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Protocol: sip\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        StringBuilder head = new StringBuilder();
        var in = socket.getInputStream();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new AssertionError("the WebSocket handshake ended early: " + head);
            head.append((char) b);
        }
        String response = head.toString();
        assertTrue(response.startsWith("HTTP/1.1 101"), () -> "101 Switching Protocols: " + response);
        assertTrue(response.toLowerCase(Locale.ROOT).contains("sec-websocket-protocol: sip"), () -> response);
        return socket;
    }

    private static byte[] register(String aor, String callId) {
        String user = aor.substring(0, aor.indexOf('@'));
        return ("REGISTER sip:localhost SIP/2.0\r\n"
                + "Via: SIP/2.0/WS " + user + ".invalid;branch=z9hG4bK" + RawSipClient.newToken() + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + aor + ">;tag=" + RawSipClient.newToken() + "\r\n"
                + "To: <sip:" + aor + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 REGISTER\r\n"
                + "Contact: <sip:" + user + "@" + user + ".invalid;transport=ws>\r\n"
                + "Expires: 600\r\n"
                + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A client frame: FIN, the opcode, masked as RFC 6455 §5.3 requires of clients. */
    private static byte[] frame(int opcode, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x80 | opcode);
        if (payload.length < 126) {
            out.write(0x80 | payload.length);
        } else {
            out.write(0x80 | 126);
            out.write(payload.length >> 8);
            out.write(payload.length & 0xff);
        }
        byte[] mask = {0x37, (byte) 0xfa, 0x21, 0x3d};
        out.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) out.write(payload[i] ^ mask[i % 4]);
        return out.toByteArray();
    }

    /** The next server frame (unmasked); null if the connection ended or nothing came within the socket timeout. */
    private static WsFrame readFrame(InputStream in) throws IOException {
        try {
            int b0 = in.read();
            int b1 = in.read();
            if (b0 < 0 || b1 < 0) return null;
            long length = b1 & 0x7f;
            if (length == 126) length = (in.read() << 8) | in.read();
            else if (length == 127) length = ByteBuffer.wrap(in.readNBytes(8)).getLong();
            byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : null;
            byte[] payload = in.readNBytes((int) length);
            if (mask != null) for (int i = 0; i < payload.length; i++) payload[i] ^= mask[i % 4];
            return new WsFrame(b0 & 0x0f, payload);
        } catch (SocketTimeoutException quiet) {
            return null;
        }
    }

    /** -1 for end of stream, -2 if the socket stayed open and silent until its timeout, else the byte read. */
    private static int readOrTimeout(InputStream in) throws IOException {
        try {
            return in.read();
        } catch (SocketTimeoutException stillOpen) {
            return -2;
        } catch (SocketException reset) {
            return -1;
        }
    }

    /** The Contact values of a REGISTER query (no Contact in the request) for the AOR. */
    private static String contacts(RawSipClient udp, String aor) {
        RawSipClient.Message query = udp.request("REGISTER", "sip:localhost").from(aor).to(aor).send();
        assertEquals(200, query.status(), () -> query.toString());
        return String.join(",", query.headers("Contact"));
    }

    static String pidf(String entity, String basic, String note) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:" + entity + "\">"
                + "<tuple id=\"t1\"><status><basic>" + basic + "</basic></status><note>" + note + "</note></tuple>"
                + "</presence>";
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
