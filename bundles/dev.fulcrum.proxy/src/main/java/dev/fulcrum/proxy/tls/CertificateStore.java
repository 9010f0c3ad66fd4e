package dev.fulcrum.proxy.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads the certificates of a bind line's {@code crt} arguments (configuration.txt 5.1 "crt"): each one a
 * PEM file or a directory whose files are loaded in lexical order; the first certificate loaded is
 * the default, served when the client's SNI matches nothing. Files HAProxy reads as companions of
 * a certificate ({@code .key .ocsp .issuer .sctl}) and hidden files are skipped in directories.
 */
public final class CertificateStore {

    private static final List<String> COMPANIONS = List.of(".key", ".ocsp", ".issuer", ".sctl");

    private CertificateStore() {
    }

    /** All bundles in order; at least one. */
    public static List<PemBundle> load(List<String> crt) throws TlsConfigException {
        List<PemBundle> bundles = new ArrayList<>();
        for (String argument : crt) {
            Path path = Path.of(argument);
            if (Files.isDirectory(path)) {
                List<Path> files = certificateFiles(path);
                if (files.isEmpty()) {
                    throw new TlsConfigException(path, "the directory holds no certificate file");
                }
                for (Path file : files) {
                    bundles.add(PemBundle.read(file));
                }
            } else {
                bundles.add(PemBundle.read(path));
            }
        }
        return bundles;
    }

    private static List<Path> certificateFiles(Path directory) throws TlsConfigException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isRegularFile)
                    .filter(CertificateStore::isCertificateFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new TlsConfigException(directory, "cannot list the directory: " + e.getMessage(), e);
        }
    }

    private static boolean isCertificateFile(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && COMPANIONS.stream().noneMatch(name::endsWith);
    }
}
