package dev.fulcrum.syslog;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** The Debian haproxy 2.6 in the foreground on loopback, with the test's haproxy.cfg; stopped on close. */
public final class Haproxy implements AutoCloseable {

    private final Process process;
    private final Path output;

    private Haproxy(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts haproxy and waits until {@code port} on 127.0.0.1 accepts connections. */
    public static Haproxy start(Path dir, String config, int port) throws IOException, InterruptedException {
        Path cfg = Files.writeString(dir.resolve("haproxy.cfg"), config);
        Path output = dir.resolve("haproxy.out");
        Process process = new ProcessBuilder("haproxy", "-db", "-f", cfg.toString()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        Haproxy haproxy = new Haproxy(process, output);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return haproxy;
            } catch (IOException notYet) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    haproxy.close();
                    throw new IllegalStateException("haproxy did not listen on " + port + ": "
                            + Files.readString(output));
                }
                process.waitFor(50, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        }
    }

    public long pid() {
        return process.pid();
    }

    public String output() throws IOException {
        return Files.readString(output);
    }

    /** A loopback port free at the time of the call. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
