package dev.fulcrum.proxy.tcp;

import static dev.fulcrum.proxy.testing.Models.backend;
import static dev.fulcrum.proxy.testing.Models.config;
import static dev.fulcrum.proxy.testing.Models.freePort;
import static dev.fulcrum.proxy.testing.Models.frontend;
import static dev.fulcrum.proxy.testing.Models.server;
import static dev.fulcrum.proxy.testing.Models.timeouts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.api.model.proxy.Timeouts;
import dev.fulcrum.proxy.service.ProxyRuntime;
import dev.fulcrum.proxy.testing.Resources;
import dev.fulcrum.proxy.testing.TcpBackend;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code mode tcp} over real loopback sockets, on both transports. */
class TcpProxyTest {

    private static final Timeouts FAST = timeouts(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMillis(200));

    private final Resources resources = new Resources();

    private ProxyRuntime runtime(boolean epoll) {
        return resources.runtime(epoll);
    }

    private TcpBackend backendServer(TcpBackend.Behaviour behaviour) throws IOException {
        return resources.keep(new TcpBackend(behaviour));
    }

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    private static String exchange(int port, String request, boolean halfClose) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (halfClose) {
                socket.shutdownOutput();
            }
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static ProxyConfig oneBackend(int port, Timeouts timeouts, int maxconn, int retries, boolean redispatch,
            int... serverPorts) {
        List<dev.fulcrum.api.model.proxy.Server> servers = new ArrayList<>();
        for (int i = 0; i < serverPorts.length; i++) {
            servers.add(server("s" + (i + 1), serverPorts[i]));
        }
        return config(List.of(frontend("fe", Mode.TCP, port, "be", timeouts, maxconn)),
                List.of(backend("be", Mode.TCP, timeouts, retries, redispatch, servers)));
    }

    @ParameterizedTest(name = "epoll={0}")
    @ValueSource(booleans = {true, false})
    void relaysBothWaysAndForwardsTheClientHalfClose(boolean epoll) throws IOException {
        TcpBackend counting = backendServer(TcpBackend.countUntilEof("s1"));
        ProxyRuntime runtime = runtime(epoll);
        int port = freePort();
        assertEquals(List.of(), runtime.apply(oneBackend(port, FAST, 0, 3, false, counting.port())));

        // The server answers only after it saw the client's FIN: the half-close went through.
        String payload = "x".repeat(100_000);
        assertEquals("s1 got 100000", exchange(port, payload, true));
    }

    @Test
    void balancesConnectionsAcrossTwoServers() throws IOException {
        TcpBackend a = backendServer(TcpBackend.hello("a"));
        TcpBackend b = backendServer(TcpBackend.hello("b"));
        ProxyRuntime runtime = runtime(true);
        int port = freePort();
        assertEquals(List.of(), runtime.apply(oneBackend(port, FAST, 0, 3, false, a.port(), b.port())));

        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(exchange(port, "", false));
        }
        assertEquals(List.of("a", "b", "a", "b"), answers);
    }

    @Test
    void redispatchesToAnotherServerWhenTheFirstRefuses() throws IOException {
        TcpBackend alive = backendServer(TcpBackend.hello("alive"));
        ProxyRuntime runtime = runtime(true);
        int port = freePort();
        int dead = freePort();
        assertEquals(List.of(), runtime.apply(oneBackend(port, FAST, 0, 1, true, dead, alive.port())));

        for (int i = 0; i < 4; i++) {
            assertEquals("alive", exchange(port, "", false), "connection " + i);
        }
    }

    @Test
    void withoutRedispatchRetriesStayOnTheFailedServerAndTheClientIsClosed() throws IOException {
        TcpBackend alive = backendServer(TcpBackend.hello("alive"));
        ProxyRuntime runtime = runtime(true);
        int port = freePort();
        int dead = freePort();
        assertEquals(List.of(), runtime.apply(oneBackend(port, FAST, 0, 2, false, dead, alive.port())));

        assertEquals("", exchange(port, "", false), "first pick is the dead server: closed without data");
        assertEquals("alive", exchange(port, "", false));
    }

    @Test
    void maxconnServesOneClientAtATimeAndTheNextAfterwards() throws Exception {
        TcpBackend echo = backendServer(TcpBackend.echo());
        ProxyRuntime runtime = runtime(true);
        int port = freePort();
        assertEquals(List.of(), runtime.apply(oneBackend(port, FAST, 1, 3, false, echo.port())));

        try (Socket first = new Socket(InetAddress.getLoopbackAddress(), port)) {
            first.setSoTimeout(10_000);
            assertEquals("a", roundTrip(first, "a"));
            Socket second = new Socket(InetAddress.getLoopbackAddress(), port);
            second.setSoTimeout(10_000);
            second.getOutputStream().write('b');
            // A whole round trip of the first client after the second connected: still one server connection.
            assertEquals("c", roundTrip(first, "c"));
            assertEquals(1, echo.accepted(), "the second client waits while the first holds the only slot");
            first.close();
            assertEquals('b', second.getInputStream().read(), "served once the slot freed");
            assertEquals(2, echo.accepted());
            second.close();
        }
    }

    private static String roundTrip(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        return new String(socket.getInputStream().readNBytes(text.length()), StandardCharsets.US_ASCII);
    }

    @Test
    void aNewRevisionKeepsTheListenerAndTheEstablishedConnection() throws Exception {
        TcpBackend one = backendServer(TcpBackend.countUntilEof("one"));
        TcpBackend two = backendServer(TcpBackend.hello("two"));
        ProxyRuntime runtime = runtime(true);
        int port = freePort();
        assertEquals(List.of(), runtime.apply(oneBackend(port, FAST, 0, 3, false, one.port())));

        try (Socket established = new Socket(InetAddress.getLoopbackAddress(), port)) {
            established.setSoTimeout(10_000);
            established.getOutputStream().write("abc".getBytes(StandardCharsets.US_ASCII));
            // Established means relayed to "one": until then the proxy may not have accepted it yet,
            // and the new revision's listener would take it.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (one.accepted() == 0) {
                assertTrue(System.nanoTime() < deadline, "the connection never reached server one");
                Thread.onSpinWait();
            }
            // The new revision replaces server "s1" by another server: "s1" drains.
            assertEquals(List.of(), runtime.apply(oneBackend(port, FAST, 0, 3, false, two.port())));
            assertEquals("two", exchange(port, "", false), "new connections go to the new server");
            established.getOutputStream().write("de".getBytes(StandardCharsets.US_ASCII));
            established.shutdownOutput();
            InputStream in = established.getInputStream();
            assertEquals("one got 5", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void aBindFailureIsATypedErrorAndThePreviousRevisionKeepsRunning() throws IOException {
        TcpBackend a = backendServer(TcpBackend.hello("a"));
        ProxyRuntime runtime = runtime(true);
        int port = freePort();
        assertEquals(List.of(), runtime.apply(oneBackend(port, FAST, 0, 3, false, a.port())));

        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ProxyConfig clash = config(List.of(frontend("fe", Mode.TCP, port, "be", FAST, 0),
                    frontend("other", Mode.TCP, taken.getLocalPort(), "be", FAST, 0)),
                    List.of(backend("be", Mode.TCP, FAST, 3, false, List.of(server("s9", freePort())))));
            var errors = runtime.apply(clash);
            assertEquals(1, errors.size());
            assertEquals("proxy.bind", errors.get(0).code());
            assertTrue(errors.get(0).message().startsWith("cannot bind /127.0.0.1:" + taken.getLocalPort()),
                    errors.get(0).message());
        }
        assertEquals("a", exchange(port, "", false), "the old revision still serves, with its old server");
    }
}
