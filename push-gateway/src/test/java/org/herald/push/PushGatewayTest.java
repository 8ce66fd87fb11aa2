package org.herald.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.herald.push.api.ApiReply;
import org.herald.push.api.Json;
import org.herald.push.session.PushConnection;
import org.herald.push.session.PushSocket;
import org.herald.push.store.MongoFixture;
import org.herald.store.mongo.DocumentDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's core without any network: a fake connection, a clock moved by hand, and the monitor's
 * steps ({@code retry}, {@code expire}) run by the test, so backoff and TTL are exact.
 */
class PushGatewayTest {
    private static final MongoFixture mongo = new MongoFixture();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private DocumentDatabase db;
    private PushGateway gateway;
    private final List<String> woken = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<String> connected = java.util.Collections.synchronizedList(new ArrayList<>());

    /** A connection that records what the server sent. */
    static final class FakeConnection implements PushConnection {
        final List<String> sent = new ArrayList<>();
        boolean closed;

        @Override
        public synchronized void send(String text) {
            sent.add(text);
        }

        @Override
        public synchronized void close() {
            closed = true;
        }

        @Override
        public String remoteAddress() {
            return "test";
        }

        synchronized List<JsonNode> json() {
            return sent.stream().map(s -> (JsonNode) Json.object(s).orElseThrow()).toList();
        }
    }

    @BeforeEach
    void start() {
        db = mongo.direct();
        gateway = PushGateway.manual(PushConfig.defaults("https://push.example.com")
                .withRetry(Duration.ofSeconds(10), Duration.ofSeconds(30)), db, clock, new org.herald.push.api.Waker() {
                    @Override
                    public void wake(org.herald.push.model.Device device, org.herald.push.model.PushMessage message) {
                        woken.add(device.id());
                    }

                    @Override
                    public void connected(String deviceId) {
                        connected.add(deviceId);
                    }
                });
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    /** A browser that said hello and registered one channel; returns its push endpoint token. */
    private String helloAndRegister(FakeConnection conn, PushSocket socket) {
        socket.onText("{\"messageType\":\"hello\",\"use_webpush\":true}");
        String channel = UUID.randomUUID().toString();
        socket.onText("{\"messageType\":\"register\",\"channelID\":\"" + channel + "\"}");
        String endpoint = conn.json().get(1).path("pushEndpoint").asText();
        return endpoint.substring(endpoint.lastIndexOf('/') + 1);
    }

    private ApiReply push(String token, String body, Map<String, String> headers) {
        return gateway.webPush(token, name -> Optional.ofNullable(headers.get(name)), body.getBytes(StandardCharsets.UTF_8));
    }

    private List<JsonNode> notifications(FakeConnection conn) {
        return conn.json().stream().filter(j -> j.path("messageType").asText().equals("notification")).toList();
    }

    private void awaitNotifications(FakeConnection conn, int n) throws InterruptedException {
        for (int i = 0; i < 200 && notifications(conn).size() < n; i++) Thread.sleep(5); // delivery runs on its own thread
        assertEquals(n, notifications(conn).size());
    }

    @Test
    void unackedMessagesAreSentAgainWithBackoff() throws Exception {
        FakeConnection conn = new FakeConnection();
        PushSocket socket = gateway.open(conn);
        String token = helloAndRegister(conn, socket);
        assertEquals(201, push(token, "x", Map.of("TTL", "3600", "Content-Encoding", "aes128gcm")).status());
        awaitNotifications(conn, 1);
        clock.advance(Duration.ofSeconds(9));
        gateway.retry(clock.instant());
        assertEquals(1, notifications(conn).size());
        clock.advance(Duration.ofSeconds(1));
        gateway.retry(clock.instant());
        assertEquals(2, notifications(conn).size(), "after 10 s");
        clock.advance(Duration.ofSeconds(19));
        gateway.retry(clock.instant());
        assertEquals(2, notifications(conn).size());
        clock.advance(Duration.ofSeconds(1));
        gateway.retry(clock.instant());
        assertEquals(3, notifications(conn).size(), "then after 20 s");
        String version = notifications(conn).get(0).path("version").asText();
        socket.onText("{\"messageType\":\"ack\",\"updates\":[{\"channelID\":\"x\",\"version\":\"" + version + "\",\"code\":100}]}");
        clock.advance(Duration.ofMinutes(5));
        gateway.retry(clock.instant());
        assertEquals(3, notifications(conn).size(), "nothing after the ack");
        assertEquals(0, socket.outstanding());
    }

    @Test
    void messagesExpireAtTheirTtlAndAreForgottenLater() {
        FakeConnection conn = new FakeConnection();
        PushSocket socket = gateway.open(conn);
        String token = helloAndRegister(conn, socket);
        socket.onClose();
        ApiReply r = push(token, "x", Map.of("TTL", "60", "Content-Encoding", "aes128gcm"));
        String id = r.headers().get("Location").substring(r.headers().get("Location").lastIndexOf('/') + 1);
        clock.advance(Duration.ofSeconds(59));
        gateway.expire(clock.instant());
        assertEquals("accepted", Json.object(gateway.status(id).body()).orElseThrow().path("state").asText());
        clock.advance(Duration.ofSeconds(1));
        gateway.expire(clock.instant());
        assertEquals("expired", Json.object(gateway.status(id).body()).orElseThrow().path("state").asText());
        clock.advance(Duration.ofDays(1).plusSeconds(1));
        gateway.expire(clock.instant());
        assertEquals(404, gateway.status(id).status(), "finished messages are forgotten after keep-acked");
    }

    @Test
    void aDeviceThatDoesNotAckGetsAtMostAHundredMessagesOutTheRestWaitsInTheStore() throws Exception {
        FakeConnection conn = new FakeConnection();
        PushSocket socket = gateway.open(conn);
        String token = helloAndRegister(conn, socket);
        for (int i = 0; i < 150; i++) assertEquals(201, push(token, "m" + i, Map.of("TTL", "3600", "Content-Encoding", "aes128gcm")).status());
        awaitNotifications(conn, 100);
        Thread.sleep(50);
        assertEquals(100, notifications(conn).size());
        List<String> versions = notifications(conn).stream().map(n -> n.path("version").asText()).toList();
        for (int i = 0; i < 51; i++) {
            socket.onText("{\"messageType\":\"ack\",\"updates\":[{\"channelID\":\"x\",\"version\":\"" + versions.get(i) + "\",\"code\":100}]}");
        }
        awaitNotifications(conn, 150);
        List<String> all = notifications(conn).stream().map(n -> n.path("version").asText()).toList();
        assertEquals(all.stream().sorted().toList(), all, "in the order they were accepted");
    }

    @Test
    void lowPriorityMessagesWaitToGoOutWithTheNextNormalOneOrUntilTheirDelay() throws Exception {
        FakeConnection conn = new FakeConnection();
        PushSocket socket = gateway.open(conn);
        String token = helloAndRegister(conn, socket);
        assertEquals(201, push(token, "low", Map.of("TTL", "3600", "Content-Encoding", "aes128gcm", "Urgency", "low")).status());
        Thread.sleep(100);
        assertEquals(0, notifications(conn).size(), "held");
        assertEquals(201, push(token, "normal", Map.of("TTL", "3600", "Content-Encoding", "aes128gcm")).status());
        awaitNotifications(conn, 2);
        assertEquals(List.of("normal", "low"), notifications(conn).stream()
                .map(n -> new String(java.util.Base64.getUrlDecoder().decode(n.path("data").asText()), StandardCharsets.UTF_8)).toList());

        for (JsonNode n : notifications(conn)) {
            socket.onText("{\"messageType\":\"ack\",\"updates\":[{\"channelID\":\"x\",\"version\":\"" + n.path("version").asText() + "\"}]}");
        }
        assertEquals(201, push(token, "alone", Map.of("TTL", "3600", "Content-Encoding", "aes128gcm", "Urgency", "very-low")).status());
        Thread.sleep(100);
        clock.advance(Duration.ofSeconds(59));
        gateway.retry(clock.instant());
        assertEquals(2, notifications(conn).size());
        clock.advance(Duration.ofSeconds(1));
        gateway.retry(clock.instant());
        assertEquals(3, notifications(conn).size(), "sent alone once its delay is over");
    }

    @Test
    void anApplicationServerIsRateLimitedByItsVapidKeyAcrossSubscriptions() throws Exception {
        gateway.close();
        gateway = PushGateway.manual(PushConfig.defaults("https://push.example.com").withServerRateLimit(1), db, clock,
                org.herald.push.api.Waker.NONE);
        var keys = java.security.KeyPairGenerator.getInstance("EC");
        keys.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        var as = keys.generateKeyPair();
        String vapid = "vapid t=" + org.herald.push.crypto.SignaturesTest.jwt(as, "{\"aud\":\"https://push.example.com\",\"exp\":"
                + clock.instant().plusSeconds(3600).getEpochSecond() + "}") + ", k="
                + org.herald.push.crypto.P256.encode((java.security.interfaces.ECPublicKey) as.getPublic());
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            FakeConnection conn = new FakeConnection();
            tokens.add(helloAndRegister(conn, gateway.open(conn)));
        }
        Map<String, String> signed = Map.of("TTL", "60", "Authorization", vapid);
        assertEquals(201, push(tokens.get(0), "", signed).status());
        assertEquals(201, push(tokens.get(1), "", signed).status());
        ApiReply third = push(tokens.get(2), "", signed);
        assertEquals(429, third.status(), "the burst of 2 is spent, whichever subscription");
        assertEquals("1", third.headers().get("Retry-After"));
        assertEquals(201, push(tokens.get(2), "", Map.of("TTL", "60")).status(), "unsigned requests are not this server's");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(201, push(tokens.get(2), "", signed).status());
    }

    @Test
    void aMessageForAnOfflineDeviceWakesItAndWaits() throws Exception {
        FakeConnection conn = new FakeConnection();
        PushSocket socket = gateway.open(conn);
        String token = helloAndRegister(conn, socket);
        String uaid = conn.json().get(0).path("uaid").asText();
        assertEquals(201, push(token, "x", Map.of("TTL", "60", "Content-Encoding", "aes128gcm")).status());
        awaitNotifications(conn, 1);
        assertTrue(woken.isEmpty(), "a connected device is not woken");
        socket.onClose();
        assertEquals(201, push(token, "y", Map.of("TTL", "60", "Content-Encoding", "aes128gcm")).status());
        for (int i = 0; i < 200 && woken.isEmpty(); i++) Thread.sleep(5);
        assertEquals(List.of(uaid), woken);
        assertEquals(List.of(uaid), connected);
        FakeConnection back = new FakeConnection();
        gateway.open(back).onText("{\"messageType\":\"hello\",\"uaid\":\"" + uaid + "\",\"use_webpush\":true}");
        assertEquals(List.of(uaid, uaid), connected, "told when the device is back, so a wake retry stops");
        awaitNotifications(back, 2); // "x" was never acked, "y" waited
    }

    @Test
    void tokenMintingIsCapped() {
        int refused = 0;
        for (int i = 0; i < 200; i++) if (gateway.newToken().status() == 429) refused++;
        assertTrue(refused >= 100, "only the burst gets through at one instant: " + refused);
        clock.advance(Duration.ofSeconds(1));
        assertEquals(200, gateway.newToken().status());
    }
}
