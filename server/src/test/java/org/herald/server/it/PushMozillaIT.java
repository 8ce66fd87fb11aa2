package org.herald.server.it;

import static org.herald.server.it.PushHarnessIT.obj;
import static org.herald.server.it.PushHarnessIT.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.herald.push.crypto.P256;
import org.herald.server.it.PushHarnessIT.Harness;
import org.herald.server.it.PushHarnessIT.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Mozilla push protocol (as Firefox speaks it to autopush) and RFC 8030 Web Push with RFC 8292
 * VAPID, over a real WebSocket and real HTTP.
 */
class PushMozillaIT {
    private static final Duration QUIET = Duration.ofMillis(300);
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static Harness h;
    private static KeyPair vapidKeys;
    private static KeyPair otherKeys;

    @BeforeAll
    static void start() throws GeneralSecurityException {
        h = new Harness(c -> c.withRetry(Duration.ofMillis(500), Duration.ofSeconds(2)));
        vapidKeys = p256();
        otherKeys = p256();
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    static KeyPair p256() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    /** A browser: a connection that said hello. */
    record Browser(String uaid, WsClient ws) implements AutoCloseable {
        String register(String channelId, String key) {
            ObjectNode r = obj("messageType", "register", "channelID", channelId);
            if (key != null) r.put("key", key);
            ws.send(r);
            ObjectNode answer = ws.next();
            assertEquals("register", answer.path("messageType").asText());
            assertEquals(200, answer.path("status").asInt(), answer.toString());
            assertEquals(channelId, answer.path("channelID").asText());
            return answer.path("pushEndpoint").asText();
        }

        void ack(ObjectNode notification) {
            ws.send(obj("messageType", "ack", "updates", List.of(obj("channelID", notification.path("channelID").asText(),
                    "version", notification.path("version").asText(), "code", 100))));
        }

        @Override
        public void close() {
            ws.close();
        }
    }

    static Browser hello(String uaid) {
        WsClient ws = h.connect();
        ObjectNode hello = obj("messageType", "hello", "use_webpush", true, "broadcasts", obj());
        if (uaid != null) hello.put("uaid", uaid);
        ws.send(hello);
        ObjectNode r = ws.next();
        assertEquals("hello", r.path("messageType").asText());
        assertEquals(200, r.path("status").asInt());
        assertTrue(r.path("use_webpush").asBoolean());
        return new Browser(r.path("uaid").asText(), ws);
    }

    static HttpResponse<String> push(String endpoint, byte[] body, String... headers) {
        return h.postBytes(endpoint, body, headers);
    }

    static String vapid(KeyPair keys, String aud, Instant exp) {
        String header = B64URL.encodeToString("{\"typ\":\"JWT\",\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = B64URL.encodeToString(("{\"aud\":\"" + aud + "\",\"exp\":" + exp.getEpochSecond()
                + ",\"sub\":\"mailto:ops@example.com\"}").getBytes(StandardCharsets.UTF_8));
        try {
            Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
            s.initSign(keys.getPrivate());
            s.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return "vapid t=" + header + "." + claims + "." + B64URL.encodeToString(s.sign()) + ", k="
                    + P256.encode((ECPublicKey) keys.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String key(KeyPair keys) {
        return P256.encode((ECPublicKey) keys.getPublic());
    }

    @Test
    void helloGivesAUaidAndKeepsAKnownOne() {
        String uaid;
        try (Browser b = hello(null)) {
            uaid = b.uaid();
            assertTrue(uaid.matches("[0-9a-f]{32}"), uaid);
        }
        try (Browser again = hello(uaid)) {
            assertEquals(uaid, again.uaid());
        }
        try (Browser stranger = hello("0123456789abcdef0123456789abcdef")) {
            assertNotEquals("0123456789abcdef0123456789abcdef", stranger.uaid());
        }
    }

    @Test
    void anEncryptedWebPushReachesTheBrowserAndItsAckIsRecorded() {
        try (Browser b = hello(null)) {
            String channel = UUID.randomUUID().toString();
            String endpoint = b.register(channel, null);
            assertTrue(endpoint.startsWith(h.base + "/wpush/"), endpoint);
            byte[] body = "pretend-aes128gcm-record".getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> r = push(endpoint, body, "TTL", "60", "Content-Encoding", "aes128gcm", "Urgency", "high");
            assertEquals(201, r.statusCode(), r.body());
            String location = r.headers().firstValue("Location").orElseThrow();
            assertEquals("60", r.headers().firstValue("TTL").orElseThrow());

            ObjectNode n = b.ws().next();
            assertEquals("notification", n.path("messageType").asText());
            assertEquals(channel, n.path("channelID").asText());
            assertEquals(B64URL.encodeToString(body), n.path("data").asText());
            assertEquals("aes128gcm", n.path("headers").path("encoding").asText());
            assertTrue(n.path("ttl").asInt() <= 60);
            b.ack(n);
            awaitState(location, "acked");
        }
    }

    @Test
    void legacyAesgcmHeadersArePassedOnAndAnEmptyPushNeedsNoEncoding() {
        try (Browser b = hello(null)) {
            String endpoint = b.register(UUID.randomUUID().toString(), null);
            assertEquals(201, push(endpoint, new byte[] {1, 2, 3}, "TTL", "60", "Content-Encoding", "aesgcm",
                    "Encryption", "salt=abc", "Crypto-Key", "dh=xyz").statusCode());
            ObjectNode n = b.ws().next();
            assertEquals("aesgcm", n.path("headers").path("encoding").asText());
            assertEquals("salt=abc", n.path("headers").path("encryption").asText());
            assertEquals("dh=xyz", n.path("headers").path("crypto_key").asText());
            assertEquals(201, push(endpoint, new byte[0], "TTL", "60").statusCode());
            ObjectNode empty = b.ws().next();
            assertTrue(empty.path("data").isMissingNode(), empty.toString());
            HttpResponse<String> async = push(endpoint, new byte[0], "TTL", "60", "Prefer", "respond-async");
            assertEquals(202, async.statusCode());
            assertTrue(async.headers().firstValue("Location").orElseThrow().startsWith(h.base + "/messages/"));
        }
    }

    @Test
    void badWebPushRequestsAreRefused() {
        try (Browser b = hello(null)) {
            String endpoint = b.register(UUID.randomUUID().toString(), null);
            byte[] one = {1};
            assertEquals(400, push(endpoint, one, "Content-Encoding", "aes128gcm").statusCode()); // no TTL
            assertEquals(400, push(endpoint, one, "TTL", "-1", "Content-Encoding", "aes128gcm").statusCode());
            HttpResponse<String> clamped = push(endpoint, new byte[0], "TTL", "99999999");
            assertEquals(201, clamped.statusCode());
            assertEquals("2592000", clamped.headers().firstValue("TTL").orElseThrow(), "at most 30 days");
            b.ws().next();
            assertEquals(400, push(endpoint, one, "TTL", "60", "Content-Encoding", "aes128gcm", "Urgency", "now!").statusCode());
            assertEquals(400, push(endpoint, one, "TTL", "60", "Content-Encoding", "aes128gcm", "Topic", "x".repeat(33)).statusCode());
            assertEquals(400, push(endpoint, one, "TTL", "60", "Content-Encoding", "aes128gcm", "Topic", "no spaces").statusCode());
            assertEquals(400, push(endpoint, one, "TTL", "60").statusCode()); // a body without Content-Encoding
            assertEquals(400, push(endpoint, one, "TTL", "60", "Content-Encoding", "aesgcm").statusCode());
            assertEquals(413, push(endpoint, new byte[4096 + 257], "TTL", "60", "Content-Encoding", "aes128gcm").statusCode());
            HttpResponse<String> notFound = push(h.base + "/wpush/not-a-token", one, "TTL", "60", "Content-Encoding", "aes128gcm");
            assertEquals(404, notFound.statusCode());
            assertEquals(102, parse(notFound.body()).path("errno").asInt());
            assertNull(b.ws().poll(QUIET));
        }
    }

    @Test
    void unregisterMakesTheEndpointGone() {
        try (Browser b = hello(null)) {
            String channel = UUID.randomUUID().toString();
            String endpoint = b.register(channel, null);
            // a low-priority message waits for company, so it is still pending when the channel goes
            HttpResponse<String> waiting = push(endpoint, new byte[0], "TTL", "600", "Urgency", "very-low");
            assertEquals(201, waiting.statusCode());
            b.ws().send(obj("messageType", "unregister", "channelID", channel));
            ObjectNode r = b.ws().next();
            assertEquals("unregister", r.path("messageType").asText());
            assertEquals(200, r.path("status").asInt());
            assertEquals(410, push(endpoint, new byte[0], "TTL", "60").statusCode());
            awaitState(waiting.headers().firstValue("Location").orElseThrow(), "unsubscribed");
            assertNull(b.ws().poll(QUIET), "the held message never goes out");
        }
    }

    @Test
    void registerRefusesABadChannelIdOrKey() {
        try (Browser b = hello(null)) {
            b.ws().send(obj("messageType", "register", "channelID", "not-a-uuid"));
            assertEquals(400, b.ws().next().path("status").asInt());
            b.ws().send(obj("messageType", "register", "channelID", UUID.randomUUID().toString(), "key", "AAAA"));
            assertEquals(400, b.ws().next().path("status").asInt());
        }
    }

    @Test
    void vapidIsRequiredWhenTheSubscriptionHasAKey() {
        try (Browser b = hello(null)) {
            String endpoint = b.register(UUID.randomUUID().toString(), key(vapidKeys));
            Instant now = Instant.now();
            byte[] one = {1};
            String[] base = {"TTL", "60", "Content-Encoding", "aes128gcm"};
            assertEquals(401, push(endpoint, one, base).statusCode());
            assertEquals(201, push(endpoint, one, with(base, "Authorization", vapid(vapidKeys, h.base, now.plusSeconds(3600)))).statusCode());
            assertEquals(403, push(endpoint, one, with(base, "Authorization", vapid(otherKeys, h.base, now.plusSeconds(3600)))).statusCode());
            assertEquals(401, push(endpoint, one, with(base, "Authorization", vapid(vapidKeys, "https://elsewhere.example", now.plusSeconds(3600)))).statusCode());
            assertEquals(401, push(endpoint, one, with(base, "Authorization", vapid(vapidKeys, h.base, now.minusSeconds(10)))).statusCode());
            assertEquals(401, push(endpoint, one, with(base, "Authorization", vapid(vapidKeys, h.base, now.plus(Duration.ofHours(25))))).statusCode());
            String tampered = vapid(vapidKeys, h.base, now.plusSeconds(3600)).replace(", k=", "x, k=");
            assertEquals(401, push(endpoint, one, with(base, "Authorization", tampered)).statusCode());
            // the older draft form: WebPush JWT with the key in Crypto-Key
            String v = vapid(vapidKeys, h.base, now.plusSeconds(3600));
            String jwt = v.substring("vapid t=".length(), v.indexOf(", k="));
            assertEquals(201, push(endpoint, one, with(base, "Authorization", "WebPush " + jwt, "Crypto-Key",
                    "p256ecdsa=" + key(vapidKeys))).statusCode());
            assertEquals(1, b.ws().next().path("data").asText().length() > 0 ? 1 : 0);
        }
    }

    @Test
    void theBacklogComesAfterHelloMostUrgentFirstAndATopicReplacesTheUndelivered() throws Exception {
        String uaid;
        String endpoint;
        String channel = UUID.randomUUID().toString();
        try (Browser b = hello(null)) {
            uaid = b.uaid();
            endpoint = b.register(channel, null);
        }
        Thread.sleep(200);
        send(endpoint, "low", "Urgency", "low");
        send(endpoint, "normal", "Urgency", "normal");
        send(endpoint, "topic-old", "Topic", "weather");
        send(endpoint, "high", "Urgency", "high");
        send(endpoint, "topic-new", "Topic", "weather");
        try (Browser b = hello(uaid)) {
            List<String> order = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ObjectNode n = b.ws().next();
                order.add(new String(Base64.getUrlDecoder().decode(n.path("data").asText()), StandardCharsets.UTF_8));
                b.ack(n);
            }
            assertEquals(List.of("high", "normal", "topic-new", "low"), order);
            assertNull(b.ws().poll(QUIET));
        }
    }

    @Test
    void unackedMessagesComeAgainAfterANewHello() throws Exception {
        String uaid;
        String endpoint;
        String version;
        try (Browser b = hello(null)) {
            uaid = b.uaid();
            endpoint = b.register(UUID.randomUUID().toString(), null);
            send(endpoint, "once");
            version = b.ws().next().path("version").asText();
        }
        Thread.sleep(200);
        try (Browser b = hello(uaid)) {
            ObjectNode again = b.ws().next();
            assertEquals(version, again.path("version").asText());
            b.ws().send(obj("messageType", "nack", "version", version, "code", 301));
            awaitState(h.base + "/messages/" + version, "rejected");
            // an ack with code 101 (Firefox could not decrypt) is a refusal too
            send(endpoint, "undecryptable");
            ObjectNode n = b.ws().next();
            b.ws().send(obj("messageType", "ack", "updates", List.of(obj("channelID", n.path("channelID").asText(),
                    "version", n.path("version").asText(), "code", 101))));
            awaitState(h.base + "/messages/" + n.path("version").asText(), "rejected");
        }
    }

    @Test
    void aTtlOfZeroIsDeliveredOnlyToAConnectedBrowser() throws Exception {
        String uaid;
        String endpoint;
        try (Browser b = hello(null)) {
            uaid = b.uaid();
            endpoint = b.register(UUID.randomUUID().toString(), null);
            assertEquals(201, push(endpoint, new byte[] {1}, "TTL", "0", "Content-Encoding", "aes128gcm").statusCode());
            assertEquals("notification", b.ws().next().path("messageType").asText());
        }
        Thread.sleep(200);
        HttpResponse<String> r = push(endpoint, new byte[] {2}, "TTL", "0", "Content-Encoding", "aes128gcm");
        assertEquals(201, r.statusCode());
        awaitState(r.headers().firstValue("Location").orElseThrow(), "expired");
        try (Browser b = hello(uaid)) {
            ObjectNode first = b.ws().next();
            b.ack(first);
            assertNull(b.ws().poll(QUIET), "the TTL 0 message for the absent browser must not wait");
        }
    }

    @Test
    void pingsAreAnsweredAndProtocolViolationsCloseTheConnection() {
        try (Browser b = hello(null)) {
            b.ws().send("{}");
            assertEquals("{}", b.ws().poll(Duration.ofSeconds(5)));
            b.ws().send(obj("messageType", "broadcast_subscribe", "broadcasts", obj("remote-settings/monitor_changes", "\"0\"")));
            assertNull(b.ws().poll(QUIET), "no broadcast ever changes here: nothing to say");
            assertTrue(!b.ws().closedWithin(Duration.ofMillis(50)), "and the connection stays");
            b.ws().send(obj("messageType", "hello"));
            assertTrue(b.ws().closedWithin(Duration.ofSeconds(5)), "a second hello closes");
        }
        try (WsClient ws = h.connect()) {
            ws.send("{}");
            assertEquals("{}", ws.poll(Duration.ofSeconds(5)));
            ws.send(obj("messageType", "hello"));
            ws.next();
            ws.send(obj("messageType", "registerUA", "uatoken", "x"));
            assertTrue(ws.closedWithin(Duration.ofSeconds(5)), "the other dialect closes");
        }
        try (Browser b = hello(null)) {
            b.ws().send("garbage");
            assertTrue(b.ws().closedWithin(Duration.ofSeconds(5)), "not JSON closes");
        }
    }

    private static void send(String endpoint, String text, String... headers) {
        String[] all = with(new String[] {"TTL", "600", "Content-Encoding", "aes128gcm"}, headers);
        assertEquals(201, push(endpoint, text.getBytes(StandardCharsets.UTF_8), all).statusCode());
    }

    private static String[] with(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private static void awaitState(String location, String state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        String now = null;
        while (System.nanoTime() < deadline) {
            now = parse(PushHarnessIT.Harness.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(location)).GET())
                    .body()).path("state").asText();
            if (now.equals(state)) return;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        assertEquals(state, now);
    }
}
