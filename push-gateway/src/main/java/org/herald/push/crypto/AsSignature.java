package org.herald.push.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * The Notification Server protocol's application-server signatures: the AS signs the UTF-8 bytes of the
 * notification's {@code message} with its private key, and gives the matching public key at registerWA
 * as {@code pbkbase64} (base64 of the X.509 SubjectPublicKeyInfo, PEM armour allowed). RSA keys verify
 * SHA256withRSA; P-256 keys SHA256withECDSA, the signature in DER or as 64 raw bytes r‖s.
 */
public final class AsSignature {
    private static final int MAX_KEY = 8 * 1024;

    private AsSignature() {}

    /** The key, if it is an RSA key of at least 2048 bits or a P-256 key. */
    public static Optional<PublicKey> parseKey(String pbkBase64) {
        if (pbkBase64 == null || pbkBase64.length() > MAX_KEY) return Optional.empty();
        String b64 = pbkBase64.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                PublicKey key = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
                if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() >= 2048) return Optional.of(key);
                if (key instanceof ECPublicKey ec && P256.isP256(ec)) {
                    return Optional.of(key);
                }
            } catch (GeneralSecurityException e) {
                // not this algorithm
            }
        }
        return Optional.empty();
    }

    public static boolean verify(PublicKey key, String message, String signatureBase64) {
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(signatureBase64.replace('-', '+').replace('_', '/').replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            return false;
        }
        String algorithm = key instanceof RSAPublicKey ? "SHA256withRSA"
                : signature.length == 64 ? "SHA256withECDSAinP1363Format" : "SHA256withECDSA";
        try {
            Signature s = Signature.getInstance(algorithm);
            s.initVerify(key);
            s.update(message.getBytes(StandardCharsets.UTF_8));
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
