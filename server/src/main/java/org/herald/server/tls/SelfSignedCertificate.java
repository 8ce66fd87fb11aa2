package org.herald.server.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed TLS certificate for the SIP TLS listener when none is configured, made once with
 * BouncyCastle and kept under the data directory so clients can pin it across restarts.
 */
public final class SelfSignedCertificate {
    public record Keystore(Path file, String password) {}

    private SelfSignedCertificate() {}

    /** The keystore under {@code dir}, created on first use for these host names and addresses. */
    public static Keystore ensure(Path dir, List<String> names) {
        Path file = dir.resolve("herald-tls.p12");
        Path passwordFile = dir.resolve("herald-tls.password");
        try {
            if (Files.exists(file) && Files.exists(passwordFile)) {
                return new Keystore(file, Files.readString(passwordFile).trim());
            }
            Files.createDirectories(dir);
            byte[] raw = new byte[16];
            new SecureRandom().nextBytes(raw);
            String password = HexFormat.of().formatHex(raw);
            KeyStore ks = create(names, password.toCharArray());
            try (OutputStream out = Files.newOutputStream(file)) {
                ks.store(out, password.toCharArray());
            }
            Files.writeString(passwordFile, password);
            return new Keystore(file, password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the TLS keystore in " + dir, e);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot make a TLS certificate", e);
        }
    }

    private static KeyStore create(List<String> names, char[] password)
            throws GeneralSecurityException, IOException, org.bouncycastle.operator.OperatorCreationException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        Instant now = Instant.now();
        X500Name subject = new X500Name("CN=" + names.get(0) + ",O=Herald");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(3650))), subject, pair.getPublic());
        List<GeneralName> sans = new ArrayList<>();
        for (String name : names) {
            boolean ip = name.matches("[0-9.]+") || name.contains(":");
            sans.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName,
                    ip ? InetAddress.getByName(name).getHostAddress() : name));
        }
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(GeneralName[]::new)));
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("herald", pair.getPrivate(), password, new X509Certificate[] {cert});
        return ks;
    }
}
