package org.herald.server.it;

import static org.herald.server.it.PushHarnessIT.obj;
import static org.herald.server.it.PushHarnessIT.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.herald.server.it.PushHarnessIT.Harness;
import org.herald.server.it.PushHarnessIT.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Notification Server protocol over a real WebSocket and real HTTP: UATokens, registerUA,
 * registerWA, notifications signed with RSA and P-256 keys, acks, the backlog, getAllMessages, the
 * message status, and every error the protocol names.
 */
class PushNotificationServerIT {
    private static final Duration QUIET = Duration.ofMillis(300);
    private static KeyPair rsa;
    private static KeyPair ec;
    private static Harness h;

    @BeforeAll
    static void start() throws GeneralSecurityException {
        KeyPairGenerator r = KeyPairGenerator.getInstance("RSA");
        r.initialize(2048);
        rsa = r.generateKeyPair();
        KeyPairGenerator e = KeyPairGenerator.getInstance("EC");
        e.initialize(new ECGenParameterSpec("secp256r1"));
        ec = e.generateKeyPair();
        h = new Harness(c -> c.withRetry(Duration.ofMillis(500), Duration.ofSeconds(2)));
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    static String pbk(KeyPair keys) {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    static String sign(KeyPair keys, String message, String algorithm) {
        try {
            Signature s = Signature.getInstance(algorithm);
            s.initSign(keys.getPrivate());
            s.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode notification(KeyPair keys, String id, String message, int priority) {
        String alg = keys.getPublic().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        return obj("messageType", "notification", "id", id, "message", message, "signature", sign(keys, message, alg),
                "ttl", 3600, "timestamp", 1_700_000_000, "priority", priority);
    }

    /** A device registered with registerUA on a fresh connection. */
    record Device(String token, WsClient ws) implements AutoCloseable {
        @Override
        public void close() {
            ws.close();
        }
    }

    static Device device(String token) {
        WsClient ws = h.connect();
        ws.send(obj("messageType", "registerUA", "uatoken", token));
        ObjectNode r = ws.next();
        assertEquals("REGISTERED", r.path("status").asText(), r.toString());
        return new Device(token, ws);
    }

    static String registerWA(Device d, String waToken, KeyPair keys) {
        d.ws().send(obj("messageType", "registerWA", "uatoken", d.token(), "watoken", waToken, "pbkbase64", pbk(keys)));
        ObjectNode r = d.ws().next();
        assertEquals("REGISTERED", r.path("status").asText(), r.toString());
        return r.path("url").asText();
    }

    static void assertError(ObjectNode r, int code, String reason, String type) {
        assertEquals("ERROR", r.path("status").asText(), r.toString());
        assertEquals(code, r.path("statusCode").asInt(), r.toString());
        assertEquals(reason, r.path("reason").asText());
        assertEquals(type, r.path("messageType").asText());
    }

    @Test
    void tokensComeFromGetAndPost() {
        String a = h.newToken();
        HttpResponse<String> b = h.post("/token", "");
        assertEquals(200, b.statusCode());
        assertTrue(a.length() > 40 && !a.equals(b.body().trim()));
    }

    @Test
    void registerUAAnswersRegisteredAndRefusesForeignOrTamperedTokens() {
        String token = h.newToken();
        try (WsClient ws = h.connect()) {
            ws.send(obj("messageType", "registerUA", "uatoken", token, "interface", obj("ip", "10.1.2.3", "port", 5000),
                    "mobilenetwork", obj("mcc", "214", "mnc", "07")));
            ObjectNode r = ws.next();
            assertEquals("REGISTERED", r.path("status").asText());
            assertEquals(200, r.path("statusCode").asInt());
            assertEquals("registerUA", r.path("messageType").asText());

            char[] c = token.toCharArray();
            c[c.length / 2] = c[c.length / 2] == 'A' ? 'B' : 'A';
            ws.send(obj("messageType", "registerUA", "uatoken", new String(c)));
            assertError(ws.next(), 401, "Token not valid for this server", "registerUA");
            ws.send(obj("messageType", "registerUA", "uatoken", "not-a-token"));
            assertError(ws.next(), 401, "Token not valid for this server", "registerUA");
            ws.send(obj("messageType", "registerUA", "uatoken", token, "interface", obj("ip", "10.1.2.3", "port", 99999)));
            assertError(ws.next(), 400, "interface or mobilenetwork not valid", "registerUA");
        }
    }

    @Test
    void badFramesAreAnsweredWithErrors() {
        try (WsClient ws = h.connect()) {
            ws.send("this is not json");
            assertError(ws.next(), 400, "Data received is not a valid JSON package", "error");
            ws.send(obj("messageType", "registerUA", "uatoken", h.newToken()));
            ws.next();
            ws.send("[1,2]");
            assertError(ws.next(), 400, "Data received is not a valid JSON package", "error");
            ws.send(obj("messageType", "fly"));
            assertError(ws.next(), 400, "messageType not recognized", "fly");
            ws.send(obj("messageType", "ack"));
            assertError(ws.next(), 400, "Missing or malformed field", "ack");
            ws.send(obj("messageType", "ack", "messageId", "nope"));
            assertError(ws.next(), 404, "No such message for this device", "ack");
        }
    }

    @Test
    void registerWAGivesTheNotifyUrlOfSha256OfWatokenAndKey() throws Exception {
        String token = h.newToken();
        try (WsClient ws = h.connect()) {
            ws.send(obj("messageType", "registerWA", "uatoken", token, "watoken", "w", "pbkbase64", pbk(rsa)));
            assertError(ws.next(), 403, "UA not registered: send registerUA first", "registerWA");
        }
        try (Device d = device(token)) {
            d.ws().send(obj("messageType", "registerWA", "uatoken", d.token(), "watoken", "w1", "pbkbase64", "bm90IGEga2V5"));
            assertError(d.ws().next(), 400, "Public key not valid: base64 X.509 RSA (2048 bits or more) or EC P-256", "registerWA");
            d.ws().send(obj("messageType", "registerWA", "uatoken", d.token(), "pbkbase64", pbk(rsa)));
            assertError(d.ws().next(), 400, "Missing or malformed field", "registerWA");
            d.ws().send(obj("messageType", "registerWA", "uatoken", h.newToken(), "watoken", "w1", "pbkbase64", pbk(rsa)));
            assertError(d.ws().next(), 403, "UA not registered: send registerUA first", "registerWA");

            String url = registerWA(d, "wa-token-1", rsa);
            String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("wa-token-1" + pbk(rsa)).getBytes(StandardCharsets.UTF_8)));
            assertEquals(h.base + "/notify/" + expected, url);
        }
    }

    @Test
    void aSignedNotificationReachesTheConnectedDeviceAndTheAckIsRecorded() {
        try (Device d = device(h.newToken())) {
            String url = registerWA(d, "wa-live", rsa);
            HttpResponse<String> accepted = h.post(url, notification(rsa, "as-1", "hello device", 1).toString());
            assertEquals(200, accepted.statusCode(), accepted.body());
            JsonNode body = parse(accepted.body());
            assertEquals("ACCEPTED", body.path("status").asText());
            String messageId = body.path("messageId").asText();

            ObjectNode n = d.ws().next();
            assertEquals("notification", n.path("messageType").asText());
            assertEquals("as-1", n.path("id").asText());
            assertEquals("hello device", n.path("message").asText());
            assertEquals(1_700_000_000L, n.path("timestamp").asLong());
            assertEquals(1, n.path("priority").asInt());
            assertEquals(messageId, n.path("messageId").asText());
            assertEquals(url, n.path("url").asText());
            awaitState(messageId, "delivered");

            d.ws().send(obj("messageType", "ack", "messageId", messageId));
            awaitState(messageId, "acked");
            assertNull(d.ws().poll(QUIET));
        }
    }

    @Test
    void p256SignaturesVerifyInDerAndRawForm() {
        try (Device d = device(h.newToken())) {
            String url = registerWA(d, "wa-ec", ec);
            assertEquals(200, h.post(url, notification(ec, "der", "m1", 2).toString()).statusCode());
            ObjectNode raw = obj("messageType", "notification", "id", "raw", "message", "m2",
                    "signature", sign(ec, "m2", "SHA256withECDSAinP1363Format"), "ttl", 60);
            assertEquals(200, h.post(url, raw.toString()).statusCode());
            assertEquals("m1", d.ws().next().path("message").asText());
            assertEquals("m2", d.ws().next().path("message").asText());
        }
    }

    @Test
    void theApplicationServerApiAnswersEachErrorWithItsReason() {
        String url;
        try (Device d = device(h.newToken())) {
            url = registerWA(d, "wa-errors", rsa);
        }
        assertAsError(h.post(url, "x".repeat(5000)), 413, "Body too big");
        assertAsError(h.post(url, "{not json"), 400, "JSON not valid");
        assertAsError(h.post(url, obj("messageType", "other", "message", "m").toString()), 400, "Not messageType=notification");
        assertAsError(h.post(url, obj("messageType", "notification", "message", "m").toString()), 401,
                "You must sign your message with your Private Key");
        ObjectNode forged = notification(rsa, "x", "original", 2);
        forged.put("message", "changed");
        assertAsError(h.post(url, forged.toString()), 401, "Bad signature, dropping notification");
        assertAsError(h.post(url, notification(ec, "x", "other key", 2).toString()), 401, "Bad signature, dropping notification");
        assertAsError(h.post("/notify/" + "0".repeat(64), notification(rsa, "x", "m", 2).toString()), 404, "No valid AppToken");
        assertAsError(h.post("/notify/garbage", notification(rsa, "x", "m", 2).toString()), 404, "No valid AppToken");
    }

    @Test
    void tooManyNotificationsForOneAppAreTryAgainLater() {
        try (Harness limited = new Harness(c -> c.withAppRateLimit(1))) {
            WsClient ws = limited.connect();
            String token = limited.newToken();
            ws.send(obj("messageType", "registerUA", "uatoken", token));
            ws.next();
            ws.send(obj("messageType", "registerWA", "uatoken", token, "watoken", "wa", "pbkbase64", pbk(ec)));
            String url = ws.next().path("url").asText();
            List<Integer> statuses = new ArrayList<>();
            HttpResponse<String> last = null;
            for (int i = 0; i < 4; i++) {
                last = limited.post(url, notification(ec, "r" + i, "m" + i, 2).toString());
                statuses.add(last.statusCode());
            }
            assertEquals(List.of(200, 200, 429, 429), statuses);
            assertAsError(last, 429, "Try again later");
            assertTrue(last.headers().firstValue("Retry-After").isPresent());
            ws.close();
        }
    }

    @Test
    void anOfflineDeviceGetsItsBacklogOnRegisterUAMostUrgentFirst() {
        String token = h.newToken();
        String url;
        try (Device d = device(token)) {
            url = registerWA(d, "wa-offline", rsa);
        }
        awaitDisconnected();
        for (String[] m : new String[][] {{"low-1", "3"}, {"normal-1", "2"}, {"high-1", "1"}, {"low-2", "3"}, {"high-2", "1"}}) {
            assertEquals(200, h.post(url, notification(rsa, m[0], m[0], Integer.parseInt(m[1])).toString()).statusCode());
        }
        try (Device d = device(token)) {
            List<String> order = new ArrayList<>();
            for (int i = 0; i < 5; i++) order.add(d.ws().next().path("id").asText());
            assertEquals(List.of("high-1", "high-2", "normal-1", "low-1", "low-2"), order);

            d.ws().send(obj("messageType", "getAllMessages", "uatoken", token));
            ObjectNode all = d.ws().next();
            assertEquals("getAllMessages", all.path("messageType").asText());
            assertEquals(5, all.path("messages").size());
            assertEquals("high-1", all.path("messages").get(0).path("id").asText());
            for (JsonNode m : all.path("messages")) d.ws().send(obj("messageType", "ack", "messageId", m.path("messageId").asText()));
            d.ws().send(obj("messageType", "getAllMessages", "uatoken", token));
            assertEquals(0, d.ws().next().path("messages").size());
        }
    }

    @Test
    void aSharedWatokenReachesEveryDeviceThatRegisteredIt() {
        try (Device a = device(h.newToken()); Device b = device(h.newToken())) {
            String urlA = registerWA(a, "family-shared", ec);
            String urlB = registerWA(b, "family-shared", ec);
            assertEquals(urlA, urlB);
            HttpResponse<String> r = h.post(urlA, notification(ec, "both", "to both", 2).toString());
            assertEquals(200, r.statusCode());
            assertEquals("to both", a.ws().next().path("message").asText());
            assertEquals("to both", b.ws().next().path("message").asText());
            JsonNode status = parse(h.get("/messages/" + parse(r.body()).path("messageId").asText()).body());
            assertEquals(2, status.path("deliveries").size());
        }
    }

    @Test
    void anUnackedNotificationIsSentAgain() {
        try (Device d = device(h.newToken())) {
            String url = registerWA(d, "wa-retry", ec);
            h.post(url, notification(ec, "again", "again", 2).toString());
            String first = d.ws().next().path("messageId").asText();
            assertEquals(first, d.ws().next(Duration.ofSeconds(4)).path("messageId").asText());
        }
    }

    @Test
    void aNewConnectionOfTheSameDeviceTakesOverAndTheOldOneIsClosed() {
        String token = h.newToken();
        try (Device first = device(token); Device second = device(token)) {
            assertTrue(first.ws().closedWithin(Duration.ofSeconds(5)));
            String url = registerWA(second, "wa-takeover", ec);
            h.post(url, notification(ec, "t", "to the second", 2).toString());
            assertEquals("to the second", second.ws().next().path("message").asText());
        }
    }

    @Test
    void anExpiredMessageIsNotDeliveredAndSaysSo() throws Exception {
        String token = h.newToken();
        String url;
        try (Device d = device(token)) {
            url = registerWA(d, "wa-ttl", ec);
        }
        awaitDisconnected();
        ObjectNode n = notification(ec, "short", "short-lived", 2);
        n.put("ttl", 1);
        String id = parse(h.post(url, n.toString()).body()).path("messageId").asText();
        assertEquals("accepted", parse(h.get("/messages/" + id).body()).path("state").asText());
        Thread.sleep(1100);
        h.push.gateway().expire(Instant.now());
        assertEquals("expired", parse(h.get("/messages/" + id).body()).path("state").asText());
        try (Device d = device(token)) {
            assertNull(d.ws().poll(QUIET));
        }
        assertEquals(404, h.get("/messages/unknown").statusCode());
    }

    private static void assertAsError(HttpResponse<String> r, int status, String reason) {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode body = parse(r.body());
        assertEquals("ERROR", body.path("status").asText());
        assertEquals(reason, body.path("reason").asText());
    }

    static void awaitState(String messageId, String state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        String now = null;
        while (System.nanoTime() < deadline) {
            now = parse(h.get("/messages/" + messageId).body()).path("state").asText();
            if (now.equals(state)) return;
            sleep(20);
        }
        assertEquals(state, now);
    }

    /** Closing is asynchronous on the server: give it a moment to detach the device. */
    private static void awaitDisconnected() {
        sleep(200);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
