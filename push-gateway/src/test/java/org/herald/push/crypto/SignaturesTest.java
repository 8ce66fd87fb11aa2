package org.herald.push.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** AS signatures (RSA, P-256) and VAPID, with keys made by the JDK. */
public class SignaturesTest {
    static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    static KeyPair keys(String alg) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(alg);
        if (alg.equals("EC")) g.initialize(new ECGenParameterSpec("secp256r1"));
        else g.initialize(alg.equals("RSA") ? 2048 : 1024);
        return g.generateKeyPair();
    }

    static String sign(KeyPair k, String alg, String data) throws Exception {
        Signature s = Signature.getInstance(alg);
        s.initSign(k.getPrivate());
        s.update(data.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(s.sign());
    }

    @Test
    void rsaAndP256SignaturesOfTheMessageVerify() throws Exception {
        KeyPair rsa = keys("RSA");
        KeyPair ec = keys("EC");
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(rsa.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        var rsaKey = AsSignature.parseKey(pem).orElseThrow();
        assertTrue(AsSignature.verify(rsaKey, "hi", sign(rsa, "SHA256withRSA", "hi")));
        assertFalse(AsSignature.verify(rsaKey, "hi!", sign(rsa, "SHA256withRSA", "hi")));
        var ecKey = AsSignature.parseKey(Base64.getEncoder().encodeToString(ec.getPublic().getEncoded())).orElseThrow();
        assertTrue(AsSignature.verify(ecKey, "hi", sign(ec, "SHA256withECDSA", "hi")));
        assertTrue(AsSignature.verify(ecKey, "hi", sign(ec, "SHA256withECDSAinP1363Format", "hi")));
        assertFalse(AsSignature.verify(ecKey, "hi", sign(rsa, "SHA256withRSA", "hi")));
        assertFalse(AsSignature.verify(ecKey, "hi", "%%%"));
    }

    @Test
    void weakOrForeignKeysAreRefused() throws Exception {
        KeyPair small = keys("DSA");
        assertTrue(AsSignature.parseKey(Base64.getEncoder().encodeToString(small.getPublic().getEncoded())).isEmpty());
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        assertTrue(AsSignature.parseKey(Base64.getEncoder().encodeToString(g.generateKeyPair().getPublic().getEncoded())).isEmpty());
        assertTrue(AsSignature.parseKey("bm90IGEga2V5").isEmpty());
        assertTrue(AsSignature.parseKey("***").isEmpty());
    }

    public static String jwt(KeyPair k, String claims) throws Exception {
        String h = URL.encodeToString("{\"typ\":\"JWT\",\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8));
        String c = URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
        s.initSign(k.getPrivate());
        s.update((h + "." + c).getBytes(StandardCharsets.US_ASCII));
        return h + "." + c + "." + URL.encodeToString(s.sign());
    }

    @Test
    void vapidChecksSignatureAudienceAndExpiry() throws Exception {
        KeyPair k = keys("EC");
        String key = P256.encode((ECPublicKey) k.getPublic());
        String aud = "https://push.example.com";
        long exp = NOW.plusSeconds(3600).getEpochSecond();
        String good = jwt(k, "{\"aud\":\"" + aud + "\",\"exp\":" + exp + ",\"sub\":\"mailto:a@b\"}");
        var valid = assertInstanceOf(Vapid.Result.Valid.class, Vapid.check("vapid t=" + good + ", k=" + key, null, aud, NOW));
        assertEquals("mailto:a@b", valid.subject());
        assertTrue(P256.same((ECPublicKey) k.getPublic(), valid.key()));
        assertInstanceOf(Vapid.Result.Valid.class, Vapid.check("WebPush " + good, "dh=abc;p256ecdsa=" + key, aud, NOW));
        assertInstanceOf(Vapid.Result.Absent.class, Vapid.check(null, null, aud, NOW));
        assertInstanceOf(Vapid.Result.Invalid.class, Vapid.check("vapid t=" + good + ", k=" + key, null, "https://other", NOW));
        assertInstanceOf(Vapid.Result.Invalid.class, Vapid.check("vapid t=" + good + ", k=" + key, null, aud, NOW.plusSeconds(4000)));
        String far = jwt(k, "{\"aud\":\"" + aud + "\",\"exp\":" + NOW.plusSeconds(90_000).getEpochSecond() + "}");
        assertInstanceOf(Vapid.Result.Invalid.class, Vapid.check("vapid t=" + far + ", k=" + key, null, aud, NOW));
        String other = P256.encode((ECPublicKey) keys("EC").getPublic());
        assertInstanceOf(Vapid.Result.Invalid.class, Vapid.check("vapid t=" + good + ", k=" + other, null, aud, NOW));
        assertInstanceOf(Vapid.Result.Invalid.class, Vapid.check("Bearer " + good, null, aud, NOW));
        assertInstanceOf(Vapid.Result.Invalid.class, Vapid.check("vapid t=a.b, k=" + key, null, aud, NOW));
    }

    @Test
    void p256PointsRoundTripAndOffCurvePointsAreRefused() throws Exception {
        ECPublicKey k = (ECPublicKey) keys("EC").getPublic();
        assertTrue(P256.same(k, P256.parse(P256.encode(k)).orElseThrow()));
        byte[] bad = new byte[65];
        bad[0] = 4;
        bad[64] = 7;
        assertTrue(P256.parse(URL.encodeToString(bad)).isEmpty());
        assertTrue(P256.parse("AAAA").isEmpty());
    }
}
