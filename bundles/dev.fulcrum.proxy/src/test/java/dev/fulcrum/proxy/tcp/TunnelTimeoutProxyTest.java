package dev.fulcrum.proxy.tcp;

import static dev.fulcrum.proxy.testing.Models.backend;
import static dev.fulcrum.proxy.testing.Models.config;
import static dev.fulcrum.proxy.testing.Models.freePort;
import static dev.fulcrum.proxy.testing.Models.frontend;
import static dev.fulcrum.proxy.testing.Models.server;
import static dev.fulcrum.proxy.testing.Models.timeouts;
import static dev.fulcrum.proxy.testing.Models.withTunnel;
import static dev.fulcrum.proxy.testing.Sockets.connect;
import static dev.fulcrum.proxy.testing.Sockets.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.Timeouts;
import dev.fulcrum.proxy.testing.Resources;
import dev.fulcrum.proxy.testing.TcpBackend;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code timeout tunnel} in {@code mode tcp} over loopback sockets (configuration.txt 4.2). */
class TunnelTimeoutProxyTest {

    private final Resources resources = new Resources();

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    @Test
    void anIdleRelayClosesAfterTheTunnelTimeoutEvenWithLongClientAndServerTimeouts() throws Exception {
        CompletableFuture<Long> serverSawEnd = new CompletableFuture<>();
        TcpBackend echo = resources.keep(new TcpBackend((in, out) -> {
            byte[] buffer = new byte[64];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; total += n) {
                out.write(buffer, 0, n);
                out.flush();
            }
            serverSawEnd.complete(total);
        }));
        // Client and server timeouts far beyond the socket timeout below: only the tunnel one can close.
        Timeouts timeouts = withTunnel(timeouts(Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofSeconds(5)),
                Duration.ofMillis(300));
        int port = freePort();
        assertEquals(List.of(), resources.runtime(true).apply(config(List.of(frontend("fe", Mode.TCP, port, "be", timeouts, 0)),
                List.of(backend("be", Mode.TCP, timeouts, 3, false, List.of(server("s", echo.port())))))));

        try (Socket socket = connect(port)) {
            assertEquals("ping", roundTrip(socket, "ping"));

            assertEquals(-1, socket.getInputStream().read(), "the proxy closed the idle tunnel");
            assertEquals(4L, serverSawEnd.get(20, TimeUnit.SECONDS), "and the server side too");
        }
    }
}
