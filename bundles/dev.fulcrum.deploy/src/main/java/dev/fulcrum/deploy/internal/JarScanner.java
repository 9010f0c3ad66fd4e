package dev.fulcrum.deploy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;

/**
 * Reads the deploy directory. A jar counts once it is stable: the same size and modification
 * time as at the previous scan, so a jar still being copied is never installed half-written
 * (moving a finished jar in with mv(1) is atomic and only costs one poll interval).
 * Checksums are recomputed only when size or time change.
 */
final class JarScanner {

    /**
     * The outcome of one scan: bundle jars, files that are not usable bundles with the reason, and
     * files seen for the first time and not yet stable (their bundles must be left alone: after a
     * restart every jar is new to the scanner, and must not look like a removed one).
     */
    record Scan(List<JarInfo> jars, Map<Path, String> problems, Set<Path> pending) {
    }

    private record Stamp(long size, long modified) {
    }

    private record Known(Path file, Stamp stamp, JarInfo jar, String problem) {
    }

    private final Path directory;
    private Map<Path, Stamp> previous = Map.of();
    private final Map<Path, Known> known = new HashMap<>();

    JarScanner(Path directory) {
        this.directory = directory;
    }

    Scan scan() throws IOException {
        Map<Path, Stamp> current = new HashMap<>();
        List<JarInfo> jars = new ArrayList<>();
        Map<Path, String> problems = new HashMap<>();
        Set<Path> pending = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.jar")) {
            for (Path file : entries) {
                if (file.getFileName().toString().startsWith(".")) {
                    continue; // editors' and rsync's temporaries
                }
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                if (!attributes.isRegularFile()) {
                    continue;
                }
                Stamp stamp = new Stamp(attributes.size(), attributes.lastModifiedTime().toMillis());
                current.put(file, stamp);
                if (!stamp.equals(previous.get(file))) {
                    Known before = known.get(file);
                    if (before != null) {
                        carry(before, jars, problems); // still changing: keep acting on what was there
                    } else {
                        pending.add(file);
                    }
                    continue;
                }
                Known entry = known.get(file);
                if (entry == null || !entry.stamp().equals(stamp)) {
                    entry = read(file, stamp);
                    known.put(file, entry);
                }
                carry(entry, jars, problems);
            }
        }
        known.keySet().retainAll(current.keySet());
        previous = current;
        return new Scan(jars, problems, pending);
    }

    private static void carry(Known entry, List<JarInfo> jars, Map<Path, String> problems) {
        if (entry.jar() != null) {
            jars.add(entry.jar());
        } else {
            problems.put(entry.file(), entry.problem());
        }
    }

    private static Known read(Path file, Stamp stamp) {
        try {
            Manifest manifest;
            try (JarFile jar = new JarFile(file.toFile())) {
                manifest = jar.getManifest();
            }
            Attributes main = manifest == null ? null : manifest.getMainAttributes();
            String name = main == null ? null : main.getValue(Constants.BUNDLE_SYMBOLICNAME);
            if (name == null || name.isBlank()) {
                return new Known(file, stamp, null, file.getFileName() + ": not an OSGi bundle (no Bundle-SymbolicName)");
            }
            String symbolicName = name.split(";", 2)[0].strip();
            String versionText = main.getValue(Constants.BUNDLE_VERSION);
            Version version = versionText == null ? Version.emptyVersion : Version.parseVersion(versionText.strip());
            return new Known(file, stamp, new JarInfo(file, symbolicName, version, checksum(file)), null);
        } catch (IOException | IllegalArgumentException e) {
            return new Known(file, stamp, null, file.getFileName() + ": unreadable bundle jar (" + e.getMessage() + ")");
        }
    }

    private static long checksum(Path file) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                crc.update(buffer, 0, n);
            }
        }
        return crc.getValue();
    }
}
