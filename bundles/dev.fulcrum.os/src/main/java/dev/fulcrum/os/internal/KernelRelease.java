package dev.fulcrum.os.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The running kernel's release, as uname -r prints it (the name of its /lib/modules directory). */
final class KernelRelease {

    private KernelRelease() {
    }

    /** {@code <root>/proc/sys/kernel/osrelease}, trimmed; empty when it cannot be read. */
    static Optional<String> read(Path root) {
        try {
            String release = Files.readString(root.resolve("proc/sys/kernel/osrelease")).strip();
            return release.isEmpty() || release.contains("/") ? Optional.empty() : Optional.of(release);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** For messages: the release or "unknown". */
    static String describe(Path root) {
        return read(root).orElse("unknown");
    }
}
