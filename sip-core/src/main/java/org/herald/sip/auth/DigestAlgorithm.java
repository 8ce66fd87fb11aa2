package org.herald.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/** Digest algorithms of RFC 3261 (MD5) and RFC 8760 (SHA-256). */
public enum DigestAlgorithm {
    SHA_256("SHA-256", "SHA-256"),
    MD5("MD5", "MD5");

    private final String token;
    private final String jca;

    DigestAlgorithm(String token, String jca) {
        this.token = token;
        this.jca = jca;
    }

    public String token() {
        return token;
    }

    public String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance(jca).digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses the algorithm parameter; absent means MD5 (RFC 3261 §22.4). */
    public static Optional<DigestAlgorithm> of(String token) {
        if (token == null || token.isEmpty()) return Optional.of(MD5);
        String t = token.trim().toUpperCase(Locale.ROOT);
        for (DigestAlgorithm a : values()) if (a.token.equals(t)) return Optional.of(a);
        return Optional.empty();
    }
}
