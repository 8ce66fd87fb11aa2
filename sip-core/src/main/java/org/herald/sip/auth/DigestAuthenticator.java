package org.herald.sip.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.herald.sip.message.Aor;
import org.herald.sip.message.SipRequest;

/**
 * HTTP digest authentication for SIP (RFC 3261 §22, RFC 8760) with qop=auth. Nonces are stateless:
 * an issue time signed with a server secret, so any node of a cluster can check them and a nonce
 * older than its lifetime is answered with {@code stale=true}.
 */
public final class DigestAuthenticator {
    private static final int MAC_BYTES = 16;

    private final SecretKeySpec key;
    private final Duration nonceLifetime;
    private final List<DigestAlgorithm> algorithms;
    private final InstantSource clock;

    public DigestAuthenticator(byte[] secret, Duration nonceLifetime, List<DigestAlgorithm> algorithms,
                               InstantSource clock) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.nonceLifetime = nonceLifetime;
        this.algorithms = List.copyOf(algorithms);
        this.clock = clock;
    }

    public sealed interface Verdict {
        record Authenticated(Aor user) implements Verdict {}

        /** Answer 401 with these WWW-Authenticate values. */
        record Challenge(List<String> challenges) implements Verdict {}
    }

    /**
     * Checks the request's Authorization headers for the realm.
     *
     * @param users looks a user up by AOR
     */
    public Verdict check(SipRequest request, String realm, Function<Aor, Optional<User>> users) {
        boolean stale = false;
        for (String header : request.headerValues("Authorization")) {
            Optional<DigestCredentials> parsed = DigestCredentials.parse(header);
            if (parsed.isEmpty() || !parsed.get().realm().equalsIgnoreCase(realm)) continue;
            DigestCredentials c = parsed.get();
            Optional<DigestAlgorithm> algorithm = DigestAlgorithm.of(c.get("algorithm"));
            if (algorithm.isEmpty() || !algorithms.contains(algorithm.get())) continue;
            NonceAge age = nonceAge(c.nonce(), realm);
            if (age == NonceAge.FORGED) continue;
            Aor aor = c.username().contains("@") ? Aor.parse(c.username()) : new Aor(c.username(), realm);
            Optional<User> user = users.apply(aor);
            if (user.isEmpty()) continue;
            String ha1 = user.get().ha1(algorithm.get(), c.username());
            if (ha1 == null || !responseMatches(c, ha1, request.method(), algorithm.get())) continue;
            if (age == NonceAge.EXPIRED) {
                stale = true;
                continue;
            }
            return new Verdict.Authenticated(user.get().aor());
        }
        return challenge(realm, stale);
    }

    public Verdict.Challenge challenge(String realm, boolean stale) {
        String nonce = newNonce(realm);
        return new Verdict.Challenge(algorithms.stream()
                .map(a -> "Digest realm=\"" + realm + "\", nonce=\"" + nonce + "\", qop=\"auth\", algorithm="
                        + a.token() + (stale ? ", stale=true" : ""))
                .toList());
    }

    private static boolean responseMatches(DigestCredentials c, String ha1, String method, DigestAlgorithm algorithm) {
        String expected = expectedResponse(c, ha1, method, algorithm);
        return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                c.get("response").toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** The response a client with this HA1 must send (RFC 7616 §3.4.1), or null for an unsupported qop. */
    static String expectedResponse(DigestCredentials c, String ha1, String method, DigestAlgorithm algorithm) {
        String ha2 = algorithm.hash(method + ":" + c.get("uri"));
        String qop = c.get("qop");
        if (qop.isEmpty()) return algorithm.hash(ha1 + ":" + c.nonce() + ":" + ha2);
        if (!qop.equalsIgnoreCase("auth") || c.get("nc").isEmpty() || c.get("cnonce").isEmpty()) return null;
        return algorithm.hash(ha1 + ":" + c.nonce() + ":" + c.get("nc") + ":" + c.get("cnonce") + ":auth:" + ha2);
    }

    private enum NonceAge { FRESH, EXPIRED, FORGED }

    String newNonce(String realm) {
        long now = clock.millis();
        ByteBuffer buf = ByteBuffer.allocate(8 + MAC_BYTES).putLong(now).put(mac(now, realm));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buf.array());
    }

    private NonceAge nonceAge(String nonce, String realm) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return NonceAge.FORGED;
        }
        if (raw.length != 8 + MAC_BYTES) return NonceAge.FORGED;
        long issued = ByteBuffer.wrap(raw).getLong();
        if (!MessageDigest.isEqual(mac(issued, realm), Arrays.copyOfRange(raw, 8, raw.length))) return NonceAge.FORGED;
        long age = clock.millis() - issued;
        return age < -5_000 || age > nonceLifetime.toMillis() ? NonceAge.EXPIRED : NonceAge.FRESH;
    }

    private byte[] mac(long issued, String realm) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(ByteBuffer.allocate(8).putLong(issued).array());
            mac.update(realm.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
