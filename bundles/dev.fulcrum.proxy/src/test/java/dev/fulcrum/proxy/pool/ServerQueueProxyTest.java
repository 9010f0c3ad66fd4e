package dev.fulcrum.proxy.pool;

import static dev.fulcrum.proxy.testing.Models.backend;
import static dev.fulcrum.proxy.testing.Models.config;
import static dev.fulcrum.proxy.testing.Models.freePort;
import static dev.fulcrum.proxy.testing.Models.frontend;
import static dev.fulcrum.proxy.testing.Models.server;
import static dev.fulcrum.proxy.testing.Models.timeouts;
import static dev.fulcrum.proxy.testing.Models.withQueue;
import static dev.fulcrum.proxy.testing.Sockets.connect;
import static dev.fulcrum.proxy.testing.Sockets.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.Timeouts;
import dev.fulcrum.proxy.service.ProxyRuntime;
import dev.fulcrum.proxy.testing.Await;
import dev.fulcrum.proxy.testing.HoldingBackend;
import dev.fulcrum.proxy.testing.RawClient;
import dev.fulcrum.proxy.testing.Resources;
import dev.fulcrum.proxy.testing.TcpBackend;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Per-server {@code maxconn} with the backend queue and {@code timeout queue} over loopback
 * sockets, in both modes: a server at its limit gets the next request only when one ends; a request
 * that waits too long gets 503 (http) or a closed connection (tcp).
 */
class ServerQueueProxyTest {

    private static final Timeouts SLOW = timeouts(Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(5));

    private final Resources resources = new Resources();
    private final int port = freePort();
    private ProxyRuntime runtime;

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    private void start(Mode mode, Timeouts timeouts, int serverPort) {
        runtime = resources.runtime(true);
        assertEquals(List.of(), runtime.apply(config(List.of(frontend("fe", mode, port, "be", timeouts, 0)),
                List.of(backend("be", mode, timeouts, 3, false, List.of(server("s", serverPort, 1)))))));
    }

    private BackendQueue queue() {
        return runtime.backend("be").orElseThrow().queue();
    }

    @Test
    void withMaxconn1TwoConcurrentRequestsAreServedOneAfterTheOther() throws Exception {
        HoldingBackend slow = resources.keep(new HoldingBackend());
        start(Mode.HTTP, SLOW, slow.port());
        RawClient first = resources.keep(new RawClient(port));
        RawClient second = resources.keep(new RawClient(port));

        first.send("GET /first HTTP/1.1\r\nHost: t\r\n\r\n");
        Await.until("the server holds the first request", () -> slow.requestLines().size() == 1);
        second.send("GET /second HTTP/1.1\r\nHost: t\r\n\r\n");
        Await.until("the second request is queued", () -> queue().queued() == 1);
        assertEquals(List.of("GET /first HTTP/1.1"), slow.requestLines(), "nothing more reached the full server");

        slow.answer();
        assertEquals("answered GET /first HTTP/1.1", first.read().body());
        slow.answer();
        assertEquals("answered GET /second HTTP/1.1", second.read().body());

        assertEquals(List.of("GET /first HTTP/1.1", "GET /second HTTP/1.1"), slow.requestLines());
        assertEquals(1, slow.mostHeld(), "never two requests on the server at once");
        Await.until("the last place is released", () -> queue().served(runtime.backend("be").get().servers().get(0)) == 0);
    }

    @Test
    void aRequestQueuedLongerThanTimeoutQueueGets503() throws Exception {
        HoldingBackend slow = resources.keep(new HoldingBackend());
        start(Mode.HTTP, withQueue(SLOW, Duration.ofMillis(300)), slow.port());
        RawClient first = resources.keep(new RawClient(port));
        RawClient second = resources.keep(new RawClient(port));

        first.send("GET /first HTTP/1.1\r\nHost: t\r\n\r\n");
        Await.until("the server holds the first request", () -> slow.requestLines().size() == 1);
        RawClient.Response refused = second.send("GET /second HTTP/1.1\r\nHost: t\r\n\r\n").read();

        assertEquals(503, refused.status());
        assertTrue(second.closedByPeer());
        assertEquals(0, queue().queued());
        slow.answer();
        assertEquals(200, first.read().status(), "the request holding the place is unaffected");
        assertEquals(List.of("GET /first HTTP/1.1"), slow.requestLines());
    }

    @Test
    void inTcpModeAQueuedConnectionIsRelayedWhenTheFirstOneCloses() throws Exception {
        TcpBackend echo = resources.keep(new TcpBackend(TcpBackend.echo()));
        start(Mode.TCP, SLOW, echo.port());
        try (Socket first = connect(port)) {
            assertEquals("one", roundTrip(first, "one"), "the first connection holds the place");
            Socket second = resources.keep(connect(port));
            second.getOutputStream().write("two".getBytes(StandardCharsets.US_ASCII));
            Await.until("the second connection is queued", () -> queue().queued() == 1);
            assertEquals(1, echo.accepted(), "the full server got no second connection");

            first.close();
            assertEquals("two", new String(second.getInputStream().readNBytes(3), StandardCharsets.US_ASCII));
            assertEquals(2, echo.accepted());
        }
    }

    @Test
    void inTcpModeTimeoutQueueClosesTheWaitingConnection() throws Exception {
        TcpBackend echo = resources.keep(new TcpBackend(TcpBackend.echo()));
        start(Mode.TCP, withQueue(SLOW, Duration.ofMillis(300)), echo.port());
        try (Socket first = connect(port)) {
            assertEquals("one", roundTrip(first, "one"), "the first connection holds the place");
            Socket second = resources.keep(connect(port));

            // The second client waits for the server to speak first (a banner protocol), so the
            // proxy's close is a clean end of stream, not a reset over unread bytes.
            assertEquals(-1, second.getInputStream().read(), "closed without a byte");
            assertEquals(1, echo.accepted());
            assertEquals("again", roundTrip(first, "again"), "the connection holding the place is unaffected");
        }
    }

}
