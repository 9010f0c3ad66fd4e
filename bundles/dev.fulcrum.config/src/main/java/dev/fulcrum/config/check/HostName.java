package dev.fulcrum.config.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** keepalived's default config id: the host name up to its first dot (keepalived(8) -i). */
final class HostName {

    private HostName() {
    }

    static Set<String> configIds() {
        return Set.of(configId(read()));
    }

    /** The part before the first dot; a name without a dot is itself. */
    static String configId(String hostName) {
        String name = hostName.strip();
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** The kernel's host name (what gethostname(2) returns), without a DNS look-up. */
    private static String read() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            String env = System.getenv("HOSTNAME");
            return env == null ? "localhost" : env;
        }
    }
}
