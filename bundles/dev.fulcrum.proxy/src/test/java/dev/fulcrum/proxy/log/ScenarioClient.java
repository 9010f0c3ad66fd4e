package dev.fulcrum.proxy.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.proxy.testing.Certificates;
import dev.fulcrum.proxy.testing.RawClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** The client side of LogDifferentialTest's scenarios, on plain and TLS sockets; each returns the client's port. */
final class ScenarioClient {

    private ScenarioClient() {
    }

    /** Sends {@code request} on a keep-alive connection, reads the response, then closes; the client's port. */
    static int keepAlive(int port, String request) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        try (RawClient client = new RawClient(socket)) {
            client.send(request).read();
            return socket.getLocalPort();
        }
    }

    /** The same over TLS, trusting only the test's certificate; the client's port. */
    static int overTls(int port, Path certificate, String request) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("site", CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(Certificates.certificateText(certificate).getBytes(StandardCharsets.US_ASCII))));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName("site.test")));
        socket.setSSLParameters(parameters);
        try (RawClient client = new RawClient(socket)) {
            client.send(request).read();
            return socket.getLocalPort();
        }
    }

    /** Sends {@code request} and reads the answer to the end; the client's port. */
    static int request(int port, String request, boolean readAll) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            if (readAll) {
                socket.getInputStream().readAllBytes();
            }
            return socket.getLocalPort();
        }
    }

    /** Sends {@code request}, then closes (FIN) without reading once {@code ready}. */
    static int abortWhen(int port, String request, BooleanSupplier ready) throws IOException {
        return leave(port, request, ready, false);
    }

    /** The same, but the close is a reset (SO_LINGER 0): the client really gives up. */
    static int resetWhen(int port, String request, BooleanSupplier ready) throws IOException {
        return leave(port, request, ready, true);
    }

    private static int leave(int port, String request, BooleanSupplier ready, boolean reset) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            if (reset) {
                socket.setSoLinger(true, 0);
            }
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!ready.getAsBoolean()) {
                assertTrue(System.nanoTime() < deadline, "the proxy never reached the server");
                Thread.onSpinWait();
            }
            return socket.getLocalPort();
        }
    }

    /** Writes {@code text}, reads its echo, then resets the connection. */
    static int echoThenReset(int port, String text) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.setSoLinger(true, 0);
            socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
            byte[] back = socket.getInputStream().readNBytes(text.length());
            assertEquals(text, new String(back, StandardCharsets.US_ASCII));
            return socket.getLocalPort();
        }
    }

    /** Writes {@code text}, half-closes and reads the echo to its end. */
    static int echo(int port, String text) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
            socket.shutdownOutput();
            byte[] back = socket.getInputStream().readAllBytes();
            assertEquals(text, new String(back, StandardCharsets.US_ASCII));
            return socket.getLocalPort();
        }
    }
}
