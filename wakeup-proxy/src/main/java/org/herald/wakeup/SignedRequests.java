package org.herald.wakeup;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed token that authenticates the push gateway to a wake-up proxy: a shared secret signs the
 * time, the request line and the body,
 * {@code Authorization: Herald-Wakeup ts=1763800000, sig=<hex HMAC-SHA256(secret, ts \n METHOD path \n body)>},
 * accepted within {@code window} of the proxy's clock, so a captured order cannot be replayed later.
 */
public final class SignedRequests {
    public static final String SCHEME = "Herald-Wakeup";

    private final byte[] secret;
    private final Duration window;

    public SignedRequests(byte[] secret, Duration window) {
        if (secret.length < 16) throw new IllegalArgumentException("the wake-up secret needs at least 16 bytes");
        this.secret = secret.clone();
        this.window = window;
    }

    /** The Authorization header value for a request sent at {@code now}. */
    public String sign(Instant now, String method, String path, byte[] body) {
        long ts = now.getEpochSecond();
        return SCHEME + " ts=" + ts + ", sig=" + HexFormat.of().formatHex(mac(ts, method, path, body));
    }

    /** Whether the header is a valid signature of this request, made within the window around {@code now}. */
    public boolean verify(String authorization, Instant now, String method, String path, byte[] body) {
        if (authorization == null || !authorization.startsWith(SCHEME + " ")) return false;
        long ts = -1;
        byte[] sig = null;
        for (String part : authorization.substring(SCHEME.length() + 1).split(",")) {
            String p = part.strip();
            try {
                if (p.startsWith("ts=")) ts = Long.parseLong(p.substring(3));
                if (p.startsWith("sig=")) sig = HexFormat.of().parseHex(p.substring(4));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        if (ts < 0 || sig == null) return false;
        if (Math.abs(now.getEpochSecond() - ts) > window.toSeconds()) return false;
        return MessageDigest.isEqual(sig, mac(ts, method, path, body));
    }

    private byte[] mac(long ts, String method, String path, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((ts + "\n" + method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
