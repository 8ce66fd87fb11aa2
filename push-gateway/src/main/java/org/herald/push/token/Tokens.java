package org.herald.push.token;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The tokens Herald hands out, all sealed by one {@link TokenCipher}: UATokens (a device's identity in
 * the Notification Server protocol) and Web Push endpoint tokens (which device and channel a push
 * endpoint stands for, so a POST needs no lookup to be routed). Device ids are UUIDs as 32 hex digits,
 * the form Firefox uses for its uaid.
 */
public final class Tokens {
    private static final String UA = "herald-uatoken-v1";
    private static final String ENDPOINT = "herald-endpoint-v1";

    /** What a Web Push endpoint token names. */
    public record Endpoint(String uaid, String channelId) {}

    private final TokenCipher cipher;

    public Tokens(TokenCipher cipher) {
        this.cipher = cipher;
    }

    /** A new UAToken for a new device id. */
    public String newUaToken() {
        return uaTokenFor(newDeviceId());
    }

    public String uaTokenFor(String deviceId) {
        return cipher.seal(UA, uuidBytes(deviceId));
    }

    /** The device id a valid UAToken stands for. */
    public Optional<String> deviceOf(String uaToken) {
        return cipher.open(UA, uaToken).filter(b -> b.length == 16).map(Tokens::hex);
    }

    public String endpointToken(String uaid, String channelId) {
        byte[] ch = channelId.getBytes(StandardCharsets.UTF_8);
        return cipher.seal(ENDPOINT, ByteBuffer.allocate(16 + ch.length).put(uuidBytes(uaid)).put(ch).array());
    }

    public Optional<Endpoint> endpointOf(String token) {
        return cipher.open(ENDPOINT, token).filter(b -> b.length > 16).map(b -> new Endpoint(
                hex(java.util.Arrays.copyOf(b, 16)), new String(b, 16, b.length - 16, StandardCharsets.UTF_8)));
    }

    public static String newDeviceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** Whether this is a device id Herald could have made (32 hex digits). */
    public static boolean isDeviceId(String s) {
        return s != null && s.length() == 32 && s.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    /** An application's token in the Notification Server protocol: hex SHA-256 of WAToken followed by the public key. */
    public static String appToken(String waToken, String publicKey) {
        return hex(TokenCipher.sha256((waToken + publicKey).getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] uuidBytes(String deviceId) {
        if (!isDeviceId(deviceId)) throw new IllegalArgumentException("not a device id: " + deviceId);
        return HexFormat.of().parseHex(deviceId.toLowerCase(java.util.Locale.ROOT));
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

}
