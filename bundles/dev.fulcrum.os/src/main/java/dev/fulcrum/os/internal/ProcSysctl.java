package dev.fulcrum.os.internal;

import dev.fulcrum.api.os.Sysctl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Kernel parameters as files under {@code <root>/proc/sys} (kernel/sysctl.c, fs/proc/proc_sysctl.c).
 *
 * <p>Keys use the dot format of sysctl(8): dots separate levels and a slash stands for a dot
 * inside one level, so {@code net.ipv4.conf.eth0/100.rp_filter} is
 * {@code /proc/sys/net/ipv4/conf/eth0.100/rp_filter}. procps also accepts keys in slash format
 * (detected by the first separator); the API defines the dot format only, so this does not.
 */
@Component(service = Sysctl.class)
public final class ProcSysctl implements Sysctl {

    /** Characters of interface names and sysctl names; anything else is rejected before it reaches a path. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:/-]+");

    /** Larger than any value the kernel prints for one key (a page is its own limit). */
    private static final int MAX_VALUE_BYTES = 64 * 1024;

    @Reference(service = LoggerFactory.class)
    private Logger log;

    private final Path base;

    /** For DS: the real /proc/sys. */
    public ProcSysctl() {
        this(Path.of("/"));
    }

    /** @param root the filesystem root: "/" in production, a fake tree in tests */
    public ProcSysctl(Path root) {
        this.base = root.resolve("proc/sys").normalize();
    }

    @Override
    public String read(String key) throws IOException {
        Path file = path(key);
        requireValue(key, file);
        // One read(2) with room for the whole value, as sysctl(8) does. Files.readString would not do:
        // for a file reporting size 0 it reads one byte first, and the kernel's integer handlers
        // (proc_dointvec and friends) answer a read at a non-zero offset with end of file, so
        // pid_max "32768" came back as "3".
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(MAX_VALUE_BYTES), StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            throw new IOException("no such sysctl: " + key, e);
        } catch (IOException e) {
            throw new IOException("cannot read sysctl " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(String key, String value) throws IOException {
        Path file = path(key);
        if (value == null || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("sysctl " + key + ": the value must be one line, was '" + value + "'");
        }
        requireValue(key, file);
        try {
            // One write(2) of "value\n", as sysctl(8) does; no CREATE: a missing key is an error,
            // never a new file (which a fake tree would otherwise happily accept).
            Files.write(file, (value + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (NoSuchFileException e) {
            throw new IOException("no such sysctl: " + key, e);
        } catch (IOException e) {
            // EINVAL (value out of range), EACCES/EPERM (no CAP_NET_ADMIN, read-only key) land here.
            throw new IOException("cannot set sysctl " + key + "=" + value + ": " + e.getMessage(), e);
        }
        Logging.info(log, "sysctl {}={}", key, value);
    }

    /**
     * The file for a key. Validation happens before any path is built, and the result is checked
     * to lie under /proc/sys all the same.
     */
    Path path(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("invalid sysctl key '" + key
                    + "': only letters, digits and _ . : / - are allowed");
        }
        Path path = base;
        for (String level : key.split("\\.", -1)) {
            if (level.isEmpty()) {
                throw new IllegalArgumentException("invalid sysctl key '" + key + "': empty level (leading, trailing or doubled dot)");
            }
            String name = level.replace('/', '.');
            if (name.equals(".") || name.equals("..")) {
                throw new IllegalArgumentException("invalid sysctl key '" + key + "': level '" + level
                        + "' would name '" + name + "'");
            }
            path = path.resolve(name);
        }
        if (!path.normalize().startsWith(base) || path.normalize().equals(base)) {
            throw new IllegalArgumentException("invalid sysctl key '" + key + "': outside /proc/sys");
        }
        return path;
    }

    private static void requireValue(String key, Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("sysctl " + key + " is a directory of sysctls, not a value");
        }
        if (!Files.exists(file)) {
            throw new IOException("no such sysctl: " + key);
        }
    }

    private void info(String format, Object... arguments) {
        Logger logger = log; // null when constructed directly, without DS
        if (logger != null) {
            logger.info(format, arguments);
        }
    }
}
