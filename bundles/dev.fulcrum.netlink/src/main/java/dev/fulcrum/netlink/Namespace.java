package dev.fulcrum.netlink;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The network namespace a socket is opened in: the caller's own, one named by {@code ip netns}
 * (/var/run/netns/NAME), or that of a process (/proc/PID/ns/net).
 */
public final class Namespace {

    private static final Namespace CURRENT = new Namespace(null, "current");

    private final Path file;
    private final String description;

    private Namespace(Path file, String description) {
        this.file = file;
        this.description = description;
    }

    public static Namespace current() {
        return CURRENT;
    }

    /** A namespace created by {@code ip netns add NAME}. */
    public static Namespace named(String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/")
                || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a network namespace name: \"" + name + "\"");
        }
        return new Namespace(Path.of("/var/run/netns", name), "netns " + name);
    }

    public static Namespace ofProcess(long pid) {
        if (pid <= 0) {
            throw new IllegalArgumentException("not a process id: " + pid);
        }
        return new Namespace(Path.of("/proc", Long.toString(pid), "ns", "net"), "netns of pid " + pid);
    }

    /** The file to open and pass to setns(2); empty for the caller's own namespace. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Namespace n && Objects.equals(file, n.file);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(file);
    }

    @Override
    public String toString() {
        return description;
    }
}
