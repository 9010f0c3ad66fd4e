package dev.fulcrum.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A network namespace a test creates and deletes (try-with-resources), so that no traffic leaves
 * the test's own hosts. Names carry the test JVM's pid, so parallel runs never collide and a
 * namespace left behind by a killed run is recognisable.
 *
 * <p>Test plumbing only: product code runs programs through dev.fulcrum.os.
 */
public final class NetworkNamespace implements AutoCloseable {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final String name;

    private NetworkNamespace(String name) {
        this.name = name;
    }

    /** Creates "fulcrum-t&lt;pid&gt;-&lt;n&gt;-&lt;label&gt;" with its loopback up. */
    public static NetworkNamespace create(String label) throws IOException {
        String name = "fulcrum-t" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet() + "-" + label;
        run(List.of("ip", "netns", "add", name));
        NetworkNamespace namespace = new NetworkNamespace(name);
        try {
            namespace.exec("ip", "link", "set", "lo", "up");
        } catch (IOException | RuntimeException e) {
            namespace.close();
            throw e;
        }
        return namespace;
    }

    public String name() {
        return name;
    }

    /** Runs a program inside the namespace; returns its standard output, fails on a non-zero exit. */
    public String exec(String... argv) throws IOException {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", name));
        command.addAll(List.of(argv));
        return run(command);
    }

    /** Whether the namespace still exists (for tests of cleanup). */
    public static boolean exists(String name) throws IOException {
        return run(List.of("ip", "netns", "list")).lines().anyMatch(line -> line.split(" ")[0].equals(name));
    }

    @Override
    public void close() throws IOException {
        run(List.of("ip", "netns", "delete", name));
    }

    static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // Read to EOF first (a full pipe would block the program), then collect the exit status.
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + process.exitValue() + ": " + output.strip());
        }
        return output;
    }
}
