package dev.fulcrum.sched.haproxy;

import com.sun.net.httpserver.HttpServer;
import dev.fulcrum.testing.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A real HAProxy on loopback in front of in-process HTTP servers that answer their own name: the
 * reference the algorithms are compared with. Each request is a fresh HTTP/1.0 connection, so HAProxy
 * balances every one. {@link #close()} stops HAProxy (by its process) and the servers, and deletes the
 * configuration.
 */
final class HaproxyReference implements AutoCloseable {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final List<HttpServer> servers = new ArrayList<>();
    private final int port;
    /**
     * What this HAProxy stamps on its answers: the port was free when chosen, but another test on the
     * machine may take it before HAProxy binds, and its answers must not pass for ours.
     */
    private final String stamp = Long.toHexString(System.nanoTime()) + "-" + ProcessHandle.current().pid();
    private Path directory;
    private Process haproxy;

    /**
     * @param backend the lines of the backend section after "backend pool" that are not servers
     * @param options server name to its options (e.g. "weight 5", "weight 1 disabled"), in configuration order
     */
    HaproxyReference(List<String> backend, Map<String, String> options) throws IOException, InterruptedException {
        port = freePort();
        try {
            start(backend, options);
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void start(List<String> backend, Map<String, String> options) throws IOException, InterruptedException {
        StringBuilder config = new StringBuilder("""
                global
                    maxconn 200
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 5s
                    timeout server 5s
                """);
        config.append("frontend front\n    bind 127.0.0.1:").append(port).append('\n');
        config.append("    http-response set-header X-Reference ").append(stamp).append('\n');
        config.append("    default_backend pool\n");
        config.append("backend pool\n");
        backend.forEach(line -> config.append("    ").append(line).append('\n'));
        for (Map.Entry<String, String> server : options.entrySet()) {
            HttpServer http = answering(server.getKey());
            config.append("    server ").append(server.getKey()).append(" 127.0.0.1:")
                    .append(http.getAddress().getPort()).append(' ').append(server.getValue()).append('\n');
        }
        directory = Files.createTempDirectory("fulcrum-haproxy-reference");
        Path file = directory.resolve("haproxy.cfg");
        Files.writeString(file, config);
        haproxy = new ProcessBuilder("haproxy", "-db", "-f", file.toString()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("haproxy.log").toFile()).start();
        awaitListening();
    }

    /** The server HAProxy chose for a GET of {@code path}. */
    String get(String path) throws IOException {
        try (Socket socket = new Socket(LOOPBACK, port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.0\r\nHost: reference\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            int body = response.indexOf("\r\n\r\n");
            if (!response.startsWith("HTTP/1.") || body < 0) {
                throw new IOException("not an HTTP response: " + response);
            }
            // HAProxy 2.x sends header names in lower case
            if (!response.substring(0, body).toLowerCase(Locale.ROOT).contains("\r\nx-reference: " + stamp + "\r\n")) {
                throw new IOException("the answer on port " + port + " is not from this test's HAProxy: " + response);
            }
            return response.substring(body + 4);
        }
    }

    @Override
    public void close() throws IOException {
        if (haproxy != null) {
            haproxy.destroy();
            try {
                haproxy.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        servers.forEach(server -> server.stop(0));
        if (directory != null) {
            try (var files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(directory);
        }
    }

    private HttpServer answering(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 16);
        byte[] body = name.getBytes(StandardCharsets.US_ASCII);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody(); exchange) {
                in.readAllBytes();
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        servers.add(server);
        return server;
    }

    private void awaitListening() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (!haproxy.isAlive()) {
                throw new IOException("haproxy exited: " + Files.readString(directory.resolve("haproxy.log")));
            }
            try (Socket probe = new Socket(LOOPBACK, port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(20); // polling for a process to listen, not waiting for a timer
            }
        }
        throw new IOException("haproxy did not listen on " + port);
    }

    private static int freePort() {
        return FreePorts.next();
    }
}
