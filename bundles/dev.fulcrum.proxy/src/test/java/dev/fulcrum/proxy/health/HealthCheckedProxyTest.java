package dev.fulcrum.proxy.health;

import static dev.fulcrum.proxy.testing.Models.config;
import static dev.fulcrum.proxy.testing.Models.freePort;
import static dev.fulcrum.proxy.testing.Models.frontend;
import static dev.fulcrum.proxy.testing.Models.timeouts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.proxy.Backend;
import dev.fulcrum.api.model.proxy.Balance;
import dev.fulcrum.api.model.proxy.LogSettings;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.api.model.proxy.ProxyOptions;
import dev.fulcrum.api.model.proxy.Server;
import dev.fulcrum.api.model.proxy.Timeouts;
import dev.fulcrum.api.sched.ServerState;
import dev.fulcrum.health.internal.HealthServiceImpl;
import dev.fulcrum.proxy.net.Transport;
import dev.fulcrum.proxy.pool.ProxyServer;
import dev.fulcrum.proxy.service.ProxyRuntime;
import dev.fulcrum.proxy.testing.HttpBackend;
import dev.fulcrum.proxy.testing.RawClient;
import dev.fulcrum.proxy.testing.Resources;
import dev.fulcrum.proxy.testing.RoundRobinRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The proxy with the real HealthService over loopback: a stopped backend is taken out after
 * fall x inter, a restarted one comes back after rise x inter (configuration.txt 5.2).
 */
class HealthCheckedProxyTest {

    private static final Timeouts TIMEOUTS = timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5),
            Duration.ofMillis(500));
    private static final Duration INTER = Duration.ofMillis(100);
    /** Bounded waits, far above fall x inter: they only end a test that would otherwise hang. */
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final String GET = "GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";

    private final Transport transport = Transport.create(1, false);
    private final ProxyRuntime runtime = new ProxyRuntime(transport, new RoundRobinRegistry(), InstantSource.system());
    private final Resources resources = new Resources();

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
        runtime.close();
        transport.close();
    }

    private static Server checked(String name, int port) {
        return new Server(name, "127.0.0.1", port, true, INTER, INTER, INTER, 2, 2, Server.DEFAULT_WEIGHT, false, 0,
                false, Duration.ZERO, false);
    }

    private static ProxyConfig route(int port, List<Server> servers) {
        return config(List.of(frontend("fe", Mode.HTTP, port, "be", TIMEOUTS, 0)),
                List.of(new Backend("be", Mode.HTTP, Balance.DEFAULT, servers, Optional.empty(), TIMEOUTS, 0, false,
                        ProxyOptions.DEFAULT, LogSettings.NONE)));
    }

    private ProxyServer server(String name) {
        return runtime.backend("be").orElseThrow().servers().stream().filter(s -> s.id().equals(name))
                .findFirst().orElseThrow();
    }

    private void awaitState(String name, ServerState expected) throws InterruptedException {
        long start = System.nanoTime();
        while (server(name).state() != expected) {
            assertTrue(System.nanoTime() - start < DEADLINE_NANOS, name + " never became " + expected);
            Thread.sleep(20);
        }
    }

    private static RawClient.Response get(int port) throws IOException {
        try (RawClient client = new RawClient(port)) {
            return client.send(GET).read();
        }
    }

    @Test
    void downServersAreNotPickedAndComeBackWhenTheirChecksPassAgain() throws Exception {
        runtime.healthService(Optional.of(new HealthServiceImpl(null, null)));
        HttpBackend a = new HttpBackend("a");
        HttpBackend b = resources.keep(new HttpBackend("b"));
        int aPort = a.port();
        int port = freePort();
        assertEquals(List.of(), runtime.apply(route(port, List.of(checked("a", aPort), checked("b", b.port())))));
        assertEquals(ServerState.UP, server("a").state());

        a.close();
        awaitState("a", ServerState.DOWN);
        for (int i = 0; i < 6; i++) {
            assertEquals("b 0", get(port).body(), "request " + i + " went to the DOWN server");
        }

        b.close();
        awaitState("b", ServerState.DOWN);
        assertEquals(503, get(port).status(), "no server is UP");

        HttpBackend restarted = resources.keep(new HttpBackend("a", aPort));
        awaitState("a", ServerState.UP);
        assertEquals("a 0", get(port).body());
        // The TCP checks connect too but send nothing: the heads are the proxied requests only.
        assertEquals(1, restarted.heads().size(), "one proxied request reached the restarted a");
    }
}
