package dev.fulcrum.proxy.tls;

import static dev.fulcrum.proxy.testing.Models.backend;
import static dev.fulcrum.proxy.testing.Models.config;
import static dev.fulcrum.proxy.testing.Models.freePort;
import static dev.fulcrum.proxy.testing.Models.frontend;
import static dev.fulcrum.proxy.testing.Models.server;
import static dev.fulcrum.proxy.testing.Models.timeouts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.proxy.Bind;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.PortRange;
import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.api.model.proxy.ProxyOptions;
import dev.fulcrum.api.model.proxy.Timeouts;
import dev.fulcrum.api.model.proxy.TlsSettings;
import dev.fulcrum.api.reconcile.ReconcileError;
import dev.fulcrum.proxy.service.ProxyRuntime;
import dev.fulcrum.proxy.testing.Certificates;
import dev.fulcrum.proxy.testing.Certificates.KeyForm;
import dev.fulcrum.proxy.testing.HttpBackend;
import dev.fulcrum.proxy.testing.RawClient;
import dev.fulcrum.proxy.testing.Resources;
import dev.fulcrum.proxy.testing.TcpBackend;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bind ... ssl crt ...} over real loopback TLS: JDK TLS sockets and curl against the proxy,
 * run once per TLS provider by the subclasses.
 */
abstract class TlsProxyTest {

    private static final Timeouts TIMEOUTS = timeouts(Duration.ofSeconds(20), Duration.ofSeconds(20),
            Duration.ofSeconds(1));
    private static final String GET = "GET /hello HTTP/1.1\r\nHost: test\r\n\r\n";

    @TempDir
    Path dir;

    private final Resources resources = new Resources();
    private final int port = freePort();
    private ProxyRuntime runtime;
    private HttpBackend web;

    /** The provider the proxy terminates TLS with in this run. */
    abstract SslProvider provider();

    @BeforeEach
    void start() throws IOException {
        runtime = resources.runtime(true, provider());
        web = resources.keep(new HttpBackend("web"));
    }

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    private ProxyConfig tls(Mode mode, int backendPort, List<String> crt, List<String> alpn) {
        Bind bind = new Bind("127.0.0.1", PortRange.of(port), Optional.of(new TlsSettings(crt, alpn)));
        return config(List.of(frontend("fe", mode, List.of(bind), "be", TIMEOUTS, 0, List.of(), List.of(),
                ProxyOptions.DEFAULT)), List.of(backend("be", mode, TIMEOUTS, 0, false, List.of(server("s", backendPort)))));
    }

    /** A TLS client that trusts anything (the test checks which certificate it got), with SNI and ALPN. */
    private SSLSocket connect(String protocol, String serverName, String... alpn) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new TrustingManager()}, null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setProtocols(new String[] {protocol});
        if (serverName != null) {
            parameters.setServerNames(List.of(new SNIHostName(serverName)));
        }
        parameters.setApplicationProtocols(alpn);
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return resources.keep(socket);
    }

    private static String subject(SSLSocket socket) throws Exception {
        return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
    }

    @Test
    void servesHttpOverTls12AndTls13() throws Exception {
        Path pem = Certificates.create(dir, "site.pem", KeyForm.RSA_TRADITIONAL, "site.test");
        assertEquals(List.of(), runtime.apply(tls(Mode.HTTP, web.port(), List.of(pem.toString()), List.of())));

        for (String protocol : List.of("TLSv1.2", "TLSv1.3")) {
            SSLSocket socket = connect(protocol, "site.test");
            assertEquals(protocol, socket.getSession().getProtocol());
            RawClient client = resources.keep(new RawClient(socket));
            for (int i = 0; i < 2; i++) {
                RawClient.Response response = client.send(GET).read();
                assertEquals(200, response.status());
                assertEquals("web 0", response.body());
            }
        }
        assertTrue(web.heads().get(0).startsWith("GET /hello HTTP/1.1\r\n"), web.heads().get(0));
    }

    @Test
    void sniPicksTheMatchingCertificateWithWildcardsAndTheFirstAsDefault() throws Exception {
        Path certs = Files.createDirectory(dir.resolve("certs"));
        Certificates.create(certs, "1-first.pem", KeyForm.EC_PKCS8, "first.test");
        Certificates.create(certs, "2-second.pem", KeyForm.EC_TRADITIONAL, "second", "second.test", "*.wild.test");
        assertEquals(List.of(), runtime.apply(tls(Mode.HTTP, web.port(), List.of(certs.toString()), List.of())));

        assertEquals("CN=first.test", subject(connect("TLSv1.3", "first.test")));
        assertEquals("CN=second", subject(connect("TLSv1.3", "SECOND.test")));
        assertEquals("CN=second", subject(connect("TLSv1.2", "a.wild.test")));
        assertEquals("CN=first.test", subject(connect("TLSv1.3", "a.b.wild.test")), "a wildcard covers one label");
        assertEquals("CN=first.test", subject(connect("TLSv1.3", "unknown.test")));
        assertEquals("CN=first.test", subject(connect("TLSv1.2", null)));
    }

    @Test
    void alpnNegotiatesHttp11AndNeverOffersH2InModeHttp() throws Exception {
        Path pem = Certificates.create(dir, "site.pem", KeyForm.EC_PKCS8, "site.test");
        assertEquals(List.of(), runtime.apply(tls(Mode.HTTP, web.port(), List.of(pem.toString()), List.of("h2", "http/1.1"))));

        assertEquals("http/1.1", connect("TLSv1.3", "site.test", "h2", "http/1.1").getApplicationProtocol());
        SSLSocket h2Only = connect("TLSv1.2", "site.test", "h2");
        assertEquals("", h2Only.getApplicationProtocol(), "no common protocol: nothing selected");
        assertEquals(200, resources.keep(new RawClient(h2Only)).send(GET).read().status());
    }

    @Test
    void curlGetsThroughWithVerificationSniAndAlpn() throws Exception {
        Path pem = Certificates.create(dir, "site.pem", KeyForm.RSA_PKCS8, "site.test", "site.test");
        assertEquals(List.of(), runtime.apply(tls(Mode.HTTP, web.port(), List.of(pem.toString()), List.of("http/1.1"))));
        Path ca = Files.writeString(dir.resolve("ca.crt"), Certificates.certificateText(pem));

        for (String version : List.of("1.2", "1.3")) {
            Process curl = new ProcessBuilder("curl", "-sS", "--http1.1", "--tlsv" + version, "--tls-max", version,
                    "--cacert", ca.toString(), "--resolve", "site.test:" + port + ":127.0.0.1",
                    "-w", "\n%{http_code} %{http_version} %{ssl_verify_result}", "https://site.test:" + port + "/hello")
                    .redirectErrorStream(true).start();
            String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(curl.waitFor(30, TimeUnit.SECONDS));
            assertEquals("web 0\n200 1.1 0", output, "curl --tlsv" + version);
        }
    }

    @Test
    void tcpModeTerminatesTlsAndRelaysPlainBytes() throws Exception {
        TcpBackend echo = resources.keep(new TcpBackend((in, out) -> in.transferTo(out)));
        Path pem = Certificates.create(dir, "site.pem", KeyForm.EC_PKCS8, "site.test");
        assertEquals(List.of(), runtime.apply(tls(Mode.TCP, echo.port(), List.of(pem.toString()), List.of())));

        SSLSocket socket = connect("TLSv1.3", "site.test");
        socket.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        assertEquals("ping", new String(socket.getInputStream().readNBytes(4), StandardCharsets.US_ASCII));
    }

    @Test
    void plainBytesOnATlsPortAreNotAnsweredInPlain() throws Exception {
        Path pem = Certificates.create(dir, "site.pem", KeyForm.EC_PKCS8, "site.test");
        assertEquals(List.of(), runtime.apply(tls(Mode.HTTP, web.port(), List.of(pem.toString()), List.of())));

        RawClient plain = resources.keep(new RawClient(port));
        plain.send(GET);
        int first = plain.input().read();
        assertTrue(first == -1 || first == 0x15, "closed or a TLS alert record, got " + first);
        assertEquals(0, web.connections());
    }

    @Test
    void badCertificateFailsTheRevisionNamingTheFileAndThePreviousKeepsServing() throws Exception {
        Path good = Certificates.create(dir, "good.pem", KeyForm.EC_PKCS8, "site.test");
        assertEquals(List.of(), runtime.apply(tls(Mode.HTTP, web.port(), List.of(good.toString()), List.of())));
        Path bad = Files.writeString(dir.resolve("bad.pem"), Certificates.certificateText(good));
        Path missing = dir.resolve("missing.pem");

        List<ReconcileError> errors = runtime.apply(tls(Mode.HTTP, web.port(), List.of(bad.toString()), List.of()));
        assertEquals(1, errors.size());
        assertEquals("proxy.tls", errors.get(0).code());
        assertTrue(errors.get(0).message().startsWith("frontend 'fe': crt " + bad + ": no private key"),
                errors.get(0).message());
        ReconcileError absent = runtime.apply(tls(Mode.HTTP, web.port(), List.of(missing.toString()), List.of())).get(0);
        assertTrue(absent.message().contains("crt " + missing + ": cannot read"), absent.message());

        SSLSocket socket = connect("TLSv1.3", "site.test");
        assertEquals(200, resources.keep(new RawClient(socket)).send(GET).read().status());
    }

    @Test
    void aNewRevisionWithAnotherCertificateServesItOnTheSameListener() throws Exception {
        Path before = Certificates.create(dir, "before.pem", KeyForm.EC_PKCS8, "before.test");
        Path after = Certificates.create(dir, "after.pem", KeyForm.RSA_PKCS8, "after.test");
        assertEquals(List.of(), runtime.apply(tls(Mode.HTTP, web.port(), List.of(before.toString()), List.of())));
        SSLSocket kept = connect("TLSv1.3", "site.test");
        assertEquals("CN=before.test", subject(kept));

        assertEquals(List.of(), runtime.apply(tls(Mode.HTTP, web.port(), List.of(after.toString()), List.of())));

        assertEquals("CN=after.test", subject(connect("TLSv1.3", "site.test")));
        assertEquals(200, resources.keep(new RawClient(kept)).send(GET).read().status(), "an established client stays");
    }

    @Test
    void handshakeWithoutACommonProtocolFails() throws Exception {
        Path pem = Certificates.create(dir, "site.pem", KeyForm.EC_PKCS8, "site.test");
        assertEquals(List.of(), runtime.apply(tls(Mode.HTTP, web.port(), List.of(pem.toString()), List.of())));

        assertThrows(SSLException.class, () -> connect("TLSv1.1", "site.test"));
    }

    /** Accepts any server certificate: these tests look at which one was served, not at trust. */
    private static final class TrustingManager implements X509TrustManager {
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
    }
}
