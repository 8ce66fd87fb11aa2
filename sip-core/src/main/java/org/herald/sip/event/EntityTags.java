package org.herald.sip.event;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Entity tags of notified state (RFC 5839 §3): derived from the full-state body, so equal state has
 * an equal tag for any watcher and across restarts, and any change of what the watcher sees changes it.
 */
public final class EntityTags {
    private EntityTags() {}

    /** The tag of a body: 96 bits of its SHA-256, base64url. */
    public static String of(String contentType, byte[] content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            if (contentType != null) sha.update(contentType.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            sha.update((byte) 0);
            byte[] digest = sha.digest(content);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
