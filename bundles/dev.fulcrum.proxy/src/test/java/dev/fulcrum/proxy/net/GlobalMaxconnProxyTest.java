package dev.fulcrum.proxy.net;

import static dev.fulcrum.proxy.testing.Models.backend;
import static dev.fulcrum.proxy.testing.Models.freePort;
import static dev.fulcrum.proxy.testing.Models.frontend;
import static dev.fulcrum.proxy.testing.Models.server;
import static dev.fulcrum.proxy.testing.Models.timeouts;
import static dev.fulcrum.proxy.testing.Sockets.connect;
import static dev.fulcrum.proxy.testing.Sockets.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.api.model.proxy.ProxyGlobal;
import dev.fulcrum.api.model.proxy.Timeouts;
import dev.fulcrum.proxy.testing.Await;
import dev.fulcrum.proxy.testing.Resources;
import dev.fulcrum.proxy.testing.TcpBackend;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The global section's {@code maxconn} (configuration.txt 3.2) across two frontends, over loopback
 * sockets; needs {@code ss} (iproute2) to see the listener's accept queue.
 */
class GlobalMaxconnProxyTest {

    private static final Timeouts TIMEOUTS = timeouts(Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(5));

    private final Resources resources = new Resources();

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    @Test
    void aClientOfAnotherFrontendWaitsInTheBacklogUntilTheProcessHasRoom() throws Exception {
        TcpBackend echo = resources.keep(new TcpBackend(TcpBackend.echo()));
        int portA = freePort();
        int portB = freePort();
        ProxyGlobal global = new ProxyGlobal(List.of(), 1, Optional.empty(), Optional.empty(), false, Optional.empty(),
                OptionalInt.empty(), Optional.empty());
        ProxyConfig config = new ProxyConfig(global,
                List.of(frontend("a", Mode.TCP, portA, "be", TIMEOUTS, 10), frontend("b", Mode.TCP, portB, "be", TIMEOUTS, 10)),
                List.of(backend("be", Mode.TCP, TIMEOUTS, 3, false, List.of(server("s", echo.port())))));
        assertEquals(List.of(), resources.runtime(true).apply(config));

        try (Socket first = connect(portA)) {
            assertEquals("a", roundTrip(first, "a"));
            // Accepted by the kernel (the handshake completes in the backlog), not refused.
            Socket second = resources.keep(connect(portB));
            second.getOutputStream().write('b');
            // A whole round trip of the first client after the second connected: still one server connection.
            assertEquals("c", roundTrip(first, "c"));
            assertEquals(1, echo.accepted(), "frontend b has room but the process has none");
            Await.until("frontend b's listener holds the client in its accept queue", () -> acceptQueue(portB) == 1);
            first.close();
            assertEquals('b', second.getInputStream().read(), "served once the process had room");
            assertEquals(2, echo.accepted());
        }
    }

    /**
     * The length of the listening socket's accept queue: {@code ss} shows it as Recv-Q for a
     * listener (iproute2 ss(8)); -1 when it cannot be read.
     */
    private static int acceptQueue(int port) {
        try {
            Process ss = new ProcessBuilder("ss", "-Hlnt", "sport = :" + port).redirectErrorStream(true).start();
            String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            ss.waitFor();
            return out.isEmpty() ? -1 : Integer.parseInt(out.split("\\s+")[1]);
        } catch (IOException | NumberFormatException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

}
