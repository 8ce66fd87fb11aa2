package org.herald.push.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.herald.push.api.Json;

/**
 * RFC 8292 VAPID: {@code Authorization: vapid t=JWT, k=KEY}, or the older draft form
 * {@code Authorization: WebPush JWT} with {@code Crypto-Key: p256ecdsa=KEY}. The JWT is ES256, its
 * {@code aud} the push resource's origin, its {@code exp} in the future and at most 24 hours ahead.
 */
public final class Vapid {
    private static final int MAX_JWT = 4096;
    private static final Duration MAX_AHEAD = Duration.ofHours(24);

    /** What the check found. */
    public sealed interface Result {
        /** Valid, signed by this key. */
        record Valid(ECPublicKey key, String subject) implements Result {}

        record Invalid(String reason) implements Result {}

        /** No VAPID credentials in the request. */
        record Absent() implements Result {}
    }

    private Vapid() {}

    public static Result check(String authorization, String cryptoKey, String audience, Instant now) {
        if (authorization == null || authorization.isBlank()) return new Result.Absent();
        String jwt;
        String k;
        String a = authorization.trim();
        if (a.regionMatches(true, 0, "vapid ", 0, 6)) {
            jwt = param(a.substring(6), "t");
            k = param(a.substring(6), "k");
        } else if (a.regionMatches(true, 0, "webpush ", 0, 8)) {
            jwt = a.substring(8).trim();
            k = cryptoKey == null ? null : param(cryptoKey.replace(';', ','), "p256ecdsa");
        } else {
            return new Result.Invalid("unknown Authorization scheme");
        }
        if (jwt == null || k == null) return new Result.Invalid("VAPID needs a token and a key");
        if (jwt.length() > MAX_JWT) return new Result.Invalid("VAPID token too long");
        Optional<ECPublicKey> key = P256.parse(k);
        if (key.isEmpty()) return new Result.Invalid("VAPID key is not a P-256 point");
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) return new Result.Invalid("VAPID token is not a JWT");
        Optional<ObjectNode> header = decodeJson(parts[0]);
        Optional<ObjectNode> claims = decodeJson(parts[1]);
        if (header.isEmpty() || claims.isEmpty()) return new Result.Invalid("VAPID token is not a JWT");
        if (!"ES256".equals(Json.text(header.get(), "alg"))) return new Result.Invalid("VAPID token must be ES256");
        if (!verify(key.get(), parts[0] + "." + parts[1], parts[2])) return new Result.Invalid("VAPID signature does not verify");
        String aud = Json.text(claims.get(), "aud");
        if (aud == null || !stripSlash(aud).equalsIgnoreCase(stripSlash(audience))) {
            return new Result.Invalid("VAPID aud is not " + audience);
        }
        JsonNode exp = claims.get().get("exp");
        if (exp == null || !exp.canConvertToLong()) return new Result.Invalid("VAPID exp missing");
        Instant expires = Instant.ofEpochSecond(exp.asLong());
        if (!expires.isAfter(now)) return new Result.Invalid("VAPID token expired");
        if (expires.isAfter(now.plus(MAX_AHEAD).plusSeconds(60))) return new Result.Invalid("VAPID exp more than 24 hours ahead");
        return new Result.Valid(key.get(), Json.text(claims.get(), "sub"));
    }

    private static boolean verify(ECPublicKey key, String signed, String signatureB64) {
        try {
            byte[] sig = Base64.getUrlDecoder().decode(signatureB64);
            if (sig.length != 64) return false;
            Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
            s.initVerify(key);
            s.update(signed.getBytes(StandardCharsets.US_ASCII));
            return s.verify(sig);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<ObjectNode> decodeJson(String part) {
        try {
            return Json.object(Base64.getUrlDecoder().decode(part));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A {@code name=value} from a comma-separated parameter list. */
    static String param(String list, String name) {
        for (String p : list.split(",")) {
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase(name)) {
                return p.substring(eq + 1).trim().replace("\"", "");
            }
        }
        return null;
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
