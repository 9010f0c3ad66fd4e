package dev.fulcrum.proxy.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HAProxy certificate file (configuration.txt 5.1 "crt": "a PEM file containing both the required
 * certificates and any associated private keys"): the leaf certificate first, then its chain, and the
 * private key in PKCS#8 ({@code BEGIN PRIVATE KEY}, RFC 5208), PKCS#1 ({@code BEGIN RSA PRIVATE KEY},
 * RFC 8017 A.1.2) or SEC1 ({@code BEGIN EC PRIVATE KEY}, RFC 5915) form, unencrypted.
 */
public record PemBundle(Path file, List<X509Certificate> chain, PrivateKey key) {

    // RFC 7468 section 2: "-----BEGIN label-----", base64 lines, "-----END label-----".
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

    public PemBundle {
        chain = List.copyOf(chain);
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    public static PemBundle read(Path file) throws TlsConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new TlsConfigException(file, "cannot read: " + e.getMessage(), e);
        }
        List<X509Certificate> chain = new ArrayList<>();
        PrivateKey key = null;
        Matcher block = BLOCK.matcher(text);
        while (block.find()) {
            String label = block.group(1);
            byte[] der = decode(file, label, block.group(2));
            switch (label) {
                case "CERTIFICATE" -> chain.add(certificate(file, der));
                case "PRIVATE KEY" -> key = oneKey(file, key, PrivateKeys.pkcs8(file, der));
                case "RSA PRIVATE KEY" -> key = oneKey(file, key, PrivateKeys.pkcs8(file, PrivateKeys.fromPkcs1(der)));
                case "EC PRIVATE KEY" -> key = oneKey(file, key, PrivateKeys.pkcs8(file, PrivateKeys.fromSec1(file, der)));
                case "ENCRYPTED PRIVATE KEY" -> throw new TlsConfigException(file,
                        "the private key is encrypted; expected an unencrypted key (BEGIN PRIVATE KEY)");
                default -> {
                    // DH PARAMETERS, EC PARAMETERS, X509 CRL... may sit in HAProxy PEMs; not used here.
                }
            }
        }
        if (chain.isEmpty()) {
            throw new TlsConfigException(file, "no certificate; expected a PEM with '-----BEGIN CERTIFICATE-----'"
                    + " followed by the private key ('-----BEGIN PRIVATE KEY-----', RSA or EC PRIVATE KEY)");
        }
        if (key == null) {
            throw new TlsConfigException(file, "no private key; expected '-----BEGIN PRIVATE KEY-----'"
                    + " (or RSA/EC PRIVATE KEY) after the certificates in the same file");
        }
        checkPair(file, chain.get(0), key);
        return new PemBundle(file, chain, key);
    }

    private static byte[] decode(Path file, String label, String base64) throws TlsConfigException {
        try {
            return Base64.getMimeDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new TlsConfigException(file, "bad base64 in the " + label + " block");
        }
    }

    private static X509Certificate certificate(Path file, byte[] der) throws TlsConfigException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new TlsConfigException(file, "invalid certificate: " + e.getMessage(), e);
        }
    }

    private static PrivateKey oneKey(Path file, PrivateKey previous, PrivateKey next) throws TlsConfigException {
        if (previous != null) {
            throw new TlsConfigException(file, "more than one private key; expected exactly one");
        }
        return next;
    }

    /** The key must sign what the leaf certificate's public key verifies, else no client could connect. */
    private static void checkPair(Path file, X509Certificate leaf, PrivateKey key) throws TlsConfigException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "Ed448" -> key.getAlgorithm();
            default -> null;
        };
        if (algorithm == null) {
            throw new TlsConfigException(file, "unsupported key algorithm " + key.getAlgorithm()
                    + "; expected RSA, EC or EdDSA");
        }
        byte[] probe = file.toString().getBytes(StandardCharsets.UTF_8);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(leaf.getPublicKey());
            verifier.update(probe);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // Falls through: a key of another type than the certificate's does not match either.
        }
        throw new TlsConfigException(file, "the private key does not match the first certificate ("
                + leaf.getSubjectX500Principal().getName() + ")");
    }

    /** A key decoded from PKCS#8 DER, whatever its algorithm. */
    static PrivateKey decodePkcs8(byte[] der, String algorithm) throws GeneralSecurityException {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    }
}
