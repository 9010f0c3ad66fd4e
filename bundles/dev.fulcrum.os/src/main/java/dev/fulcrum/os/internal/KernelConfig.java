package dev.fulcrum.os.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The build configuration of the running kernel: {@code /proc/config.gz} (CONFIG_IKCONFIG_PROC,
 * kernel/configs.c) or the distribution's {@code /boot/config-RELEASE}.
 *
 * <p>Why: a feature built into a kernel without module support (CONFIG_MODULES not set) leaves
 * no trace in /proc/modules, /sys/module (only modules with parameters appear there) or
 * /lib/modules/RELEASE/modules.builtin, which such kernels do not install. nf_tables is such a
 * feature; the configuration is the only file that tells.
 */
final class KernelConfig {

    /**
     * One option as the configuration states it.
     *
     * @param value  "y" (built in), "m" (module), "n" (not set or absent), or a literal value
     * @param source the file it was read from
     */
    record Option(String symbol, String value, Path source) {
        boolean builtIn() {
            return value.equals("y");
        }
    }

    private final Path root;

    /** @param root "/" in production, a fake tree in tests */
    KernelConfig(Path root) {
        this.root = root;
    }

    /** The option, or empty when no configuration file can be read. */
    Optional<Option> find(String symbol) {
        for (Path source : sources()) {
            if (!Files.isRegularFile(source)) {
                continue;
            }
            try {
                return Optional.of(scan(source, symbol));
            } catch (IOException e) {
                // unreadable or corrupt: try the next source
            }
        }
        return Optional.empty();
    }

    private List<Path> sources() {
        List<Path> sources = new ArrayList<>();
        sources.add(root.resolve("proc/config.gz"));
        KernelRelease.read(root).ifPresent(release -> sources.add(root.resolve("boot/config-" + release)));
        return sources;
    }

    private static Option scan(Path source, String symbol) throws IOException {
        String set = symbol + "=";
        String unset = "# " + symbol + " is not set";
        try (BufferedReader reader = open(source)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith(set)) {
                    return new Option(symbol, unquote(line.substring(set.length()).strip()), source);
                }
                if (line.equals(unset)) {
                    return new Option(symbol, "n", source);
                }
            }
        }
        // Kconfig writes every visible option; an absent one depends on something not enabled.
        return new Option(symbol, "n", source);
    }

    private static BufferedReader open(Path source) throws IOException {
        InputStream in = Files.newInputStream(source);
        try {
            InputStream decoded = source.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
            return new BufferedReader(new InputStreamReader(decoded, StandardCharsets.UTF_8));
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
