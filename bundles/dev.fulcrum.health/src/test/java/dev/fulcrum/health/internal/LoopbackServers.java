package dev.fulcrum.health.internal;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.fulcrum.api.os.Command;
import dev.fulcrum.api.os.ProcessResult;
import dev.fulcrum.os.internal.OsProcessRunner;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/** Real servers on 127.0.0.1 for the probe tests: the JDK's HTTP(S) server, stoppable and restartable. */
final class LoopbackServers {

    private LoopbackServers() {
    }

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /** An HTTP server whose answer the test changes; records the requests' Host headers. */
    static final class Http implements AutoCloseable {
        final AtomicInteger status = new AtomicInteger(200);
        final AtomicReference<String> body = new AtomicReference<>("OK");
        final List<String> hosts = new CopyOnWriteArrayList<>();
        final List<String> requestLines = new CopyOnWriteArrayList<>();
        final List<String> sniNames = new CopyOnWriteArrayList<>();
        /** The status of every response, in order, recorded before it is sent. */
        final List<Integer> served = new CopyOnWriteArrayList<>();
        private final HttpServer server;

        private Http(HttpServer server) {
            this.server = server;
            server.createContext("/", exchange -> {
                try (InputStream ignored = exchange.getRequestBody()) {
                    requestLines.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
                    hosts.add(String.valueOf(exchange.getRequestHeaders().getFirst("Host")));
                    byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
                    int code = status.get();
                    served.add(code);
                    exchange.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
                    exchange.getResponseBody().write(bytes);
                }
                exchange.close();
            });
        }

        static Http start(int port) throws IOException {
            Http http = new Http(HttpServer.create(new InetSocketAddress(LOOPBACK, port), 16));
            http.server.start();
            return http;
        }

        /** An HTTPS server with a self-signed certificate for CN=localhost, made by keytool. */
        static Http startTls(Path dir) throws Exception {
            HttpsServer https = HttpsServer.create(new InetSocketAddress(LOOPBACK, 0), 16);
            Http http = new Http(https);
            https.setHttpsConfigurator(new HttpsConfigurator(selfSigned(dir)) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
                    parameters.setSNIMatchers(List.of(new SNIMatcher(0) {
                        @Override
                        public boolean matches(SNIServerName name) {
                            http.sniNames.add(((SNIHostName) name).getAsciiName());
                            return true;
                        }
                    }));
                    params.setSSLParameters(parameters);
                }
            });
            https.start();
            return http;
        }

        InetSocketAddress address() {
            return server.getAddress();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static SSLContext selfSigned(Path dir) throws Exception {
        Path store = dir.resolve("server.p12");
        Command keytool = Command.of("keytool", "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit");
        ProcessResult result = new OsProcessRunner().run(keytool);
        if (!result.succeeded()) {
            throw new IllegalStateException(result.describe(keytool));
        }
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /** A TCP listener that accepts, counts and closes connections on its own thread. */
    static final class TcpCounter implements AutoCloseable {
        final AtomicInteger accepted = new AtomicInteger();
        private final ServerSocket socket;

        TcpCounter(int port) throws IOException {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, port), 16);
            Thread thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        socket.accept().close();
                        accepted.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "tcp-counter");
            thread.setDaemon(true);
            thread.start();
        }

        InetSocketAddress address() {
            return new InetSocketAddress(LOOPBACK, socket.getLocalPort());
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** Waits (bounded) until the condition holds: for a number of checks, never for a timer. */
    static void awaitCount(java.util.function.IntSupplier count, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (count.getAsInt() < atLeast) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + count.getAsInt() + " of " + atLeast + " within 20 s");
            }
            Thread.sleep(10);
        }
    }

    /** A port nobody listens on: connecting is refused. */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            return socket.getLocalPort();
        }
    }
}
