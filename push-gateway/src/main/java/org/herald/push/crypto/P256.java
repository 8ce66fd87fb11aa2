package org.herald.push.crypto;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/** P-256 public keys as Web Push carries them: base64url of the 65-byte uncompressed point. */
public final class P256 {
    private static final ECParameterSpec PARAMS;

    static {
        try {
            AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
            p.init(new ECGenParameterSpec("secp256r1"));
            PARAMS = p.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private P256() {}

    /** The key, if the text is base64url (padding allowed) of a point on the curve. */
    public static Optional<ECPublicKey> parse(String base64url) {
        if (base64url == null || base64url.length() > 100) return Optional.empty();
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(base64url.trim().replace('+', '-').replace('/', '_').replace("=", ""));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length != 65 || raw[0] != 4) return Optional.empty();
        ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(raw, 1, 33)), new BigInteger(1, Arrays.copyOfRange(raw, 33, 65)));
        if (!onCurve(point)) return Optional.empty(); // the JDK's KeyFactory does not check
        try {
            return Optional.of((ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, PARAMS)));
        } catch (GeneralSecurityException e) {
            return Optional.empty(); // not on the curve
        }
    }

    /** y² = x³ + ax + b (mod p), both coordinates below p. */
    static boolean onCurve(ECPoint w) {
        BigInteger p = ((java.security.spec.ECFieldFp) PARAMS.getCurve().getField()).getP();
        BigInteger x = w.getAffineX();
        BigInteger y = w.getAffineY();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) return false;
        BigInteger right = x.pow(3).add(PARAMS.getCurve().getA().multiply(x)).add(PARAMS.getCurve().getB()).mod(p);
        return y.modPow(BigInteger.TWO, p).equals(right);
    }

    /** The 65-byte uncompressed point of a P-256 key, base64url without padding. */
    public static String encode(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 4;
        copy(key.getW().getAffineX(), out, 1);
        copy(key.getW().getAffineY(), out, 33);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }

    private static void copy(BigInteger v, byte[] out, int at) {
        byte[] b = v.toByteArray();
        int len = Math.min(b.length, 32);
        System.arraycopy(b, b.length - len, out, at + 32 - len, len);
    }

    /** Whether the key is a valid point of P-256 (not merely of some 256-bit curve). */
    static boolean isP256(ECPublicKey key) {
        return key.getParams().getCurve().equals(PARAMS.getCurve()) && onCurve(key.getW());
    }

    /** Whether two keys are the same point. */
    public static boolean same(ECPublicKey a, ECPublicKey b) {
        return a.getW().equals(b.getW());
    }
}
