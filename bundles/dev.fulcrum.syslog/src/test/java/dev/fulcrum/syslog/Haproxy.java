package dev.fulcrum.syslog;

import dev.fulcrum.testing.FreePorts;
import java.io.IOException;
import java.net.InetSocketAddress;
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

    /**
     * Waits until the stats socket at {@code statsSocket} ("stats socket" in the global section)
     * reports no current connection, so that counters logged next (%ac, %fc...) only count the
     * test's own connection: closes of earlier connections are processed asynchronously.
     */
    public void awaitNoConnection(Path statsSocket) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        String info = "";
        while (Instant.now().isBefore(deadline)) {
            try (java.nio.channels.SocketChannel channel = java.nio.channels.SocketChannel.open(
                    java.net.UnixDomainSocketAddress.of(statsSocket))) {
                channel.write(java.nio.ByteBuffer.wrap("show info\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
                info = new String(java.nio.channels.Channels.newInputStream(channel).readAllBytes(),
                        java.nio.charset.StandardCharsets.US_ASCII);
            } catch (IOException notYet) {
                info = "stats socket: " + notYet.getMessage(); // haproxy may bind it after the listeners
            }
            if (info.contains("\nCurrConns: 0\n")) {
                return;
            }
            process.waitFor(20, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("haproxy kept connections open: " + info);
    }

    public long pid() {
        return process.pid();
    }

    public String output() throws IOException {
        return Files.readString(output);
    }

    /** A loopback port free at the time of the call. */
    public static int freePort() {
        return FreePorts.next();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
