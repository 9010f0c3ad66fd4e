package dev.fulcrum.proxy.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed certificates made by the real {@code openssl} command line, written as HAProxy wants
 * them: one PEM with the certificate followed by its private key.
 */
public final class Certificates {

    /** How the private key is written after the certificate. */
    public enum KeyForm {
        /** {@code BEGIN PRIVATE KEY} (PKCS#8), RSA. */
        RSA_PKCS8,
        /** {@code BEGIN RSA PRIVATE KEY} (PKCS#1). */
        RSA_TRADITIONAL,
        /** {@code BEGIN EC PRIVATE KEY} (SEC1), P-256. */
        EC_TRADITIONAL,
        /** {@code BEGIN PRIVATE KEY} (PKCS#8), P-256. */
        EC_PKCS8
    }

    private Certificates() {
    }

    /** Writes {@code dir/file}: a certificate for CN {@code commonName} with the given DNS SANs, then its key. */
    public static Path create(Path dir, String file, KeyForm form, String commonName, String... dnsNames)
            throws IOException {
        Path key = dir.resolve(file + ".tmpkey");
        Path cert = dir.resolve(file + ".tmpcrt");
        switch (form) {
            case RSA_PKCS8 -> openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", key);
            case RSA_TRADITIONAL -> openssl("genrsa", "-traditional", "-out", key, "2048");
            case EC_TRADITIONAL -> openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", key);
            case EC_PKCS8 -> openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key);
        }
        List<Object> request = new ArrayList<>(List.of("req", "-x509", "-new", "-key", key, "-out", cert, "-days", "2",
                "-subj", "/CN=" + commonName));
        if (dnsNames.length > 0) {
            request.add("-addext");
            request.add("subjectAltName=" + String.join(",", List.of(dnsNames).stream().map(n -> "DNS:" + n).toList()));
        }
        openssl(request.toArray());
        Path pem = dir.resolve(file);
        Files.write(pem, Files.readAllBytes(cert));
        Files.write(pem, Files.readAllBytes(key), StandardOpenOption.APPEND);
        Files.delete(key);
        Files.delete(cert);
        return pem;
    }

    /** The certificate part of a PEM written by {@link #create}. */
    public static String certificateText(Path pem) throws IOException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        return text.substring(0, text.indexOf("-----END CERTIFICATE-----") + 26);
    }

    /** The private key part of a PEM written by {@link #create}. */
    public static String keyText(Path pem) throws IOException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        return text.substring(text.indexOf("-----END CERTIFICATE-----") + 26);
    }

    private static void openssl(Object... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        for (Object argument : arguments) {
            command.add(argument.toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(command + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
