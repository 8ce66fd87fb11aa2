package org.herald.sip.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.herald.sip.message.Aor;
import org.herald.sip.message.Flow;
import org.herald.sip.message.Headers;
import org.herald.sip.message.NameAddr;
import org.herald.sip.message.SipRequest;
import org.herald.sip.message.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestAuthenticatorTest {
    private static final Aor ALICE = Aor.parse("alice@example.com");
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final InstantSource clock = () -> now.get();
    private final DigestAuthenticator auth = new DigestAuthenticator("k".getBytes(), Duration.ofSeconds(300),
            List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5), clock);
    private final User alice = User.withPassword(ALICE, "secret");

    @ParameterizedTest
    @ValueSource(strings = {"md5", "sha-256"})
    void computesTheRfc7616Examples(String vector) throws Exception {
        Properties v = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/vectors/rfc7616/" + vector + ".properties")) {
            v.load(in);
        }
        DigestAlgorithm algorithm = DigestAlgorithm.of(v.getProperty("algorithm")).orElseThrow();
        String ha1 = algorithm.hash(v.getProperty("username") + ":" + v.getProperty("realm") + ":" + v.getProperty("password"));
        DigestCredentials c = new DigestCredentials(Map.of("uri", v.getProperty("uri"), "nonce", v.getProperty("nonce"),
                "cnonce", v.getProperty("cnonce"), "nc", v.getProperty("nc"), "qop", v.getProperty("qop")));
        assertEquals(v.getProperty("response"), DigestAuthenticator.expectedResponse(c, ha1, v.getProperty("method"), algorithm));
    }

    @Test
    void challengesWithEveryAlgorithmMostPreferredFirst() {
        var verdict = assertInstanceOf(DigestAuthenticator.Verdict.Challenge.class, auth.check(request(), "example.com", this::users));
        assertEquals(2, verdict.challenges().size());
        assertTrue(verdict.challenges().get(0).contains("algorithm=SHA-256"));
        assertTrue(verdict.challenges().get(1).contains("algorithm=MD5"));
        assertTrue(verdict.challenges().get(0).contains("qop=\"auth\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHA-256", "MD5"})
    void acceptsTheRightPasswordWithEitherAlgorithm(String algorithm) {
        String nonce = auth.newNonce("example.com");
        var verdict = auth.check(request(answer("alice", "secret", nonce, algorithm)), "example.com", this::users);
        assertEquals(new DigestAuthenticator.Verdict.Authenticated(ALICE), verdict);
    }

    @Test
    void acceptsTheFullAorAsUsername() {
        String nonce = auth.newNonce("example.com");
        var verdict = auth.check(request(answer("alice@example.com", "secret", nonce, "MD5")), "example.com", this::users);
        assertEquals(new DigestAuthenticator.Verdict.Authenticated(ALICE), verdict);
    }

    @Test
    void rechallengesAWrongPasswordAForgedNonceAndAnUnknownUser() {
        String nonce = auth.newNonce("example.com");
        assertInstanceOf(DigestAuthenticator.Verdict.Challenge.class,
                auth.check(request(answer("alice", "wrong", nonce, "MD5")), "example.com", this::users));
        assertInstanceOf(DigestAuthenticator.Verdict.Challenge.class,
                auth.check(request(answer("alice", "secret", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "MD5")), "example.com", this::users));
        assertInstanceOf(DigestAuthenticator.Verdict.Challenge.class,
                auth.check(request(answer("mallory", "secret", nonce, "MD5")), "example.com", this::users));
    }

    @Test
    void anExpiredNonceWithTheRightPasswordIsStale() {
        String nonce = auth.newNonce("example.com");
        now.set(now.get().plusSeconds(301));
        var verdict = assertInstanceOf(DigestAuthenticator.Verdict.Challenge.class,
                auth.check(request(answer("alice", "secret", nonce, "SHA-256")), "example.com", this::users));
        assertTrue(verdict.challenges().stream().allMatch(c -> c.contains("stale=true")), verdict.toString());
    }

    @Test
    void aNonceIsBoundToItsRealm() {
        String nonce = auth.newNonce("other.org");
        assertInstanceOf(DigestAuthenticator.Verdict.Challenge.class,
                auth.check(request(answer("alice", "secret", nonce, "MD5")), "example.com", this::users));
    }

    private Optional<User> users(Aor aor) {
        return aor.equals(ALICE) ? Optional.of(alice) : Optional.empty();
    }

    private static String answer(String username, String password, String nonce, String algorithmToken) {
        DigestAlgorithm algorithm = DigestAlgorithm.of(algorithmToken).orElseThrow();
        String ha1 = algorithm.hash(username + ":example.com:" + password);
        DigestCredentials c = new DigestCredentials(Map.of("uri", "sip:example.com", "nonce", nonce,
                "cnonce", "abc", "nc", "00000001", "qop", "auth"));
        String response = DigestAuthenticator.expectedResponse(c, ha1, "REGISTER", algorithm);
        return "Digest username=\"" + username + "\", realm=\"example.com\", nonce=\"" + nonce
                + "\", uri=\"sip:example.com\", response=\"" + response + "\", algorithm=" + algorithmToken
                + ", cnonce=\"abc\", qop=auth, nc=00000001";
    }

    private static SipRequest request(String... authorization) {
        Headers.Builder h = Headers.builder();
        for (String a : authorization) h.add("Authorization", a);
        return new SipRequest("REGISTER", "sip:example.com", NameAddr.of("sip:alice@example.com").withParam("tag", "1"),
                NameAddr.of("sip:alice@example.com"), "c1", 1, List.of(), false, h.build(), null,
                new Flow(Transport.UDP, "127.0.0.1", 5070), "127.0.0.1:5060");
    }
}
