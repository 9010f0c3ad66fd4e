package dev.fulcrum.it;

import static org.junit.Assert.assertEquals;

import dev.fulcrum.api.model.DesiredState;
import dev.fulcrum.api.model.proxy.Backend;
import dev.fulcrum.api.model.proxy.Balance;
import dev.fulcrum.api.model.proxy.Bind;
import dev.fulcrum.api.model.proxy.Frontend;
import dev.fulcrum.api.model.proxy.LogSettings;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.PortRange;
import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.api.model.proxy.ProxyGlobal;
import dev.fulcrum.api.model.proxy.ProxyOptions;
import dev.fulcrum.api.model.proxy.Server;
import dev.fulcrum.api.model.proxy.Timeouts;
import dev.fulcrum.api.model.proxy.TlsSettings;
import dev.fulcrum.api.reconcile.ConfigurationService;
import dev.fulcrum.api.status.SubsystemState;
import dev.fulcrum.api.status.SubsystemStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * The image serving HTTPS ({@code bind ... ssl crt FILE} with a PEM made by {@code openssl}) in front
 * of two health-checked servers: both answer while up; once one server's listener closes, its TCP
 * check marks it DOWN and every request goes to the other (with {@code retries 0}, a request sent
 * to the closed server would fail with 503, so only working health checks keep all answers 200).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TlsHealthProxyIT {

    private static final Duration INTER = Duration.ofMillis(200);

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationService configuration;

    @Configuration
    public Option[] configuration() throws Exception {
        return new Option[] {ImageOptions.image(Files.createTempDirectory("fulcrum-tls-health-"))};
    }

    @Test
    public void terminatesTlsAndStopsSendingToAServerItsHealthCheckFindsDown() throws Exception {
        Path dir = Files.createTempDirectory("fulcrum-tls-it-");
        Path pem = selfSigned(dir);
        try (ServerSocket one = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                ServerSocket two = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                ServerSocket reserved = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            serveInBackground(one, "s1");
            serveInBackground(two, "s2");
            int port = reserved.getLocalPort();
            reserved.close();

            SubsystemStatus status = ProxyRevisions.apply(context, configuration,
                    proxy(port, pem, one.getLocalPort(), two.getLocalPort()), "tls health it");
            assertEquals(status.reason(), SubsystemState.ACTIVE, status.state());

            Set<String> answered = new HashSet<>();
            Await.until("both servers answered over TLS", () -> {
                answered.add(get(port));
                return answered.containsAll(Set.of("200 s1", "200 s2")) ? answered : null;
            });

            one.close();
            // Round robin over two servers: six answers in a row from s2 happen only once s1 is DOWN.
            int[] inARow = {0};
            Await.until("s1 is taken out by its health check", () -> {
                inARow[0] = get(port).equals("200 s2") ? inARow[0] + 1 : 0;
                return inARow[0] >= 6 ? inARow : null;
            });
            configuration.apply(DesiredState.EMPTY, "tls health it: nothing");
        }
    }

    /** A self-signed certificate followed by its key in one PEM, as {@code crt} wants it. */
    private static Path selfSigned(Path dir) throws IOException, InterruptedException {
        Path key = dir.resolve("key.pem");
        Path cert = dir.resolve("cert.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=fulcrum-it", "-keyout", key.toString(), "-out", cert.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!openssl.waitFor(60, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
            throw new IOException("openssl req failed");
        }
        Path pem = dir.resolve("site.pem");
        Files.write(pem, Files.readAllBytes(cert));
        Files.write(pem, Files.readAllBytes(key), StandardOpenOption.APPEND);
        return pem;
    }

    private static ProxyConfig proxy(int port, Path pem, int portOne, int portTwo) {
        Timeouts timeouts = new Timeouts(Optional.of(Duration.ofSeconds(10)), Optional.of(Duration.ofSeconds(10)),
                Optional.of(Duration.ofSeconds(2)), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        Bind https = new Bind("127.0.0.1", PortRange.of(port),
                Optional.of(new TlsSettings(List.of(pem.toString()), List.of("http/1.1"))));
        Frontend frontend = new Frontend("https", List.of(https), Mode.HTTP, timeouts, 0, List.of(), List.of(),
                Optional.of("app"), LogSettings.NONE, ProxyOptions.DEFAULT);
        Backend backend = new Backend("app", Mode.HTTP, Balance.DEFAULT, List.of(checked("s1", portOne),
                checked("s2", portTwo)), Optional.empty(), timeouts, 0, false, ProxyOptions.DEFAULT, LogSettings.NONE);
        return new ProxyConfig(ProxyGlobal.defaults(), List.of(frontend), List.of(backend));
    }

    /** {@code server NAME 127.0.0.1:PORT check inter 200ms rise 1 fall 1}. */
    private static Server checked(String name, int port) {
        return new Server(name, "127.0.0.1", port, true, INTER, INTER, INTER, 1, 1, 1, false, 0, false, Duration.ZERO,
                false);
    }

    /** One HTTPS request on a fresh connection: the status and the body, e.g. "200 s1". */
    private static String get(int port) {
        try (SSLSocket socket = (SSLSocket) trustingAnyCertificate().getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: it\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            return answer.substring(9, 12) + " " + answer.substring(answer.indexOf("\r\n\r\n") + 4);
        } catch (IOException | RuntimeException e) {
            return "failed: " + e;
        }
    }

    /** The certificate is self-signed: the test checks termination and routing, not the chain. */
    private static SSLContext trustingAnyCertificate() {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return tls;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers every connection's request with its name (health checks connect and close at once). */
    private static void serveInBackground(ServerSocket listener, String name) {
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket connection = listener.accept()) {
                    if (ProxyRevisions.readHead(connection.getInputStream())) {
                        connection.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: " + name.length()
                                + "\r\nConnection: close\r\n\r\n" + name).getBytes(StandardCharsets.US_ASCII));
                    }
                } catch (IOException e) {
                    // a check that closed at once, or the listener closed
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }
}
