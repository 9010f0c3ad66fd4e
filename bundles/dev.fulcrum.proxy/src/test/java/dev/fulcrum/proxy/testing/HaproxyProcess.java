package dev.fulcrum.proxy.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Debian haproxy 2.6 in the foreground ({@code -db}) with a test's haproxy.cfg, its variables
 * from the environment; stopped (and its output file removed) on close.
 */
public final class HaproxyProcess implements AutoCloseable {

    private final Process process;
    private final Path output;

    private HaproxyProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts haproxy and waits until {@code port} on loopback accepts connections. */
    public static HaproxyProcess start(Path cfg, Map<String, String> environment, int port) throws Exception {
        Path output = Files.createTempFile("haproxy", ".out");
        ProcessBuilder builder = new ProcessBuilder("haproxy", "-db", "-f", cfg.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        builder.environment().putAll(environment);
        HaproxyProcess haproxy = new HaproxyProcess(builder.start(), output);
        try {
            haproxy.awaitListening(port);
        } catch (Exception e) {
            haproxy.close();
            throw e;
        }
        return haproxy;
    }

    private void awaitListening(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("haproxy exited: " + Files.readString(output));
            }
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                // Another process may hold the port (a free port picked earlier, taken since): then haproxy
                // fails to bind it and exits at once, and the probe reached the other process.
                if (process.waitFor(200, TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("haproxy exited: " + Files.readString(output));
                }
                return;
            } catch (IOException notYet) {
                process.waitFor(50, TimeUnit.MILLISECONDS);
            }
        }
        throw new IllegalStateException("haproxy does not listen on " + port + ": " + Files.readString(output));
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        Files.deleteIfExists(output);
    }
}
