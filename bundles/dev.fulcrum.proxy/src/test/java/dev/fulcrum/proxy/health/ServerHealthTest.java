package dev.fulcrum.proxy.health;

import static dev.fulcrum.proxy.testing.Models.backend;
import static dev.fulcrum.proxy.testing.Models.timeouts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.proxy.Backend;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.Server;
import dev.fulcrum.api.sched.ServerState;
import dev.fulcrum.health.CheckOutcome;
import dev.fulcrum.health.CheckSpec;
import dev.fulcrum.health.CheckStatus;
import dev.fulcrum.health.CheckTarget;
import dev.fulcrum.health.HealthEvent;
import dev.fulcrum.health.HealthListener;
import dev.fulcrum.health.HealthMonitor;
import dev.fulcrum.health.HealthService;
import dev.fulcrum.health.HealthState;
import dev.fulcrum.proxy.pool.BackendPool;
import dev.fulcrum.proxy.pool.ProxyServer;
import dev.fulcrum.proxy.testing.RoundRobinRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How {@link ServerHealth} follows revisions, with a recording HealthService (the real one: HealthCheckedProxyTest). */
class ServerHealthTest {

    /** A monitor that records what it was told and lets the test deliver verdicts. */
    private static final class FakeMonitor implements HealthMonitor {
        final CheckTarget target;
        final HealthListener listener;
        final List<CheckSpec> specs = new ArrayList<>();
        HealthState state = HealthState.UP;
        boolean stopped;

        FakeMonitor(CheckTarget target, CheckSpec spec, HealthListener listener) {
            this.target = target;
            this.listener = listener;
            specs.add(spec);
        }

        void report(HealthState verdict, CheckOutcome cause) {
            state = verdict;
            listener.stateChanged(new HealthEvent(target, verdict, cause));
        }

        @Override public CheckTarget target() { return target; }
        @Override public HealthState state() { return state; }
        @Override public void reconfigure(CheckSpec spec) { specs.add(spec); }
        @Override public void stop() { stopped = true; }
    }

    private final Map<String, FakeMonitor> started = new HashMap<>();
    private final List<FakeMonitor> all = new ArrayList<>();
    private final HealthService service = (target, spec, listener) -> {
        FakeMonitor monitor = new FakeMonitor(target, spec, listener);
        started.put(target.name(), monitor);
        all.add(monitor);
        return monitor;
    };
    private final ServerHealth health = new ServerHealth();

    private static Server checked(String name, int port, int rise) {
        return new Server(name, "127.0.0.1", port, true, Server.DEFAULT_INTER, Server.DEFAULT_INTER,
                Server.DEFAULT_INTER, rise, Server.DEFAULT_FALL, 1, false, 0, false, Duration.ZERO, false);
    }

    private static Backend be(Server... servers) {
        return backend("be", Mode.HTTP, timeouts(null, null, null), 0, false, List.of(servers));
    }

    private static Map<String, InetSocketAddress> addresses(Backend backend) {
        Map<String, InetSocketAddress> result = new HashMap<>();
        backend.servers().forEach(s -> result.put(s.name(), new InetSocketAddress("127.0.0.1", s.port())));
        return result;
    }

    private static ProxyServer named(BackendPool pool, String name) {
        return pool.servers().stream().filter(s -> s.id().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void verdictsSetTheStateOfCheckServersOnly() {
        Backend config = be(checked("a", 1001, 2), Server.of("plain", "127.0.0.1", 1002));
        try (BackendPool pool = open(config)) {
            health.service(Optional.of(service));
            health.follow(Map.of("be", pool));
            assertEquals(List.of("be/a"), List.copyOf(started.keySet()), "servers without check are not monitored");
            assertEquals(new InetSocketAddress("127.0.0.1", 1001), started.get("be/a").target.address());

            started.get("be/a").report(HealthState.DOWN, REFUSED);
            assertEquals(ServerState.DOWN, named(pool, "a").state());
            assertEquals(ServerState.UP, named(pool, "plain").state());
            started.get("be/a").report(HealthState.UP, PASSED);
            assertEquals(ServerState.UP, named(pool, "a").state());
        }
    }

    @Test
    void revisionsStopRemovedServersReconfigureChangedOnesAndKeepTheirVerdict() {
        Backend first = be(checked("a", 1001, 2), checked("b", 1002, 2));
        try (BackendPool pool = open(first)) {
            health.service(Optional.of(service));
            health.follow(Map.of("be", pool));
            FakeMonitor a = started.get("be/a");
            FakeMonitor b = started.get("be/b");
            a.report(HealthState.DOWN, REFUSED);

            // a's rise changes (a new server instance), b goes away.
            Backend second = be(checked("a", 1001, 5));
            pool.update(second, addresses(second));
            health.follow(Map.of("be", pool));

            assertTrue(b.stopped, "the removed server's checks stop");
            assertFalse(a.stopped, "a changed server keeps its monitor");
            assertEquals(2, a.specs.size());
            assertEquals(5, ((CheckSpec.Haproxy) a.specs.get(1)).server().rise());
            assertEquals(ServerState.DOWN, named(pool, "a").state(), "the new instance inherits the DOWN verdict");
            a.report(HealthState.UP, PASSED);
            assertEquals(ServerState.UP, named(pool, "a").state(), "events now drive the new instance");
            assertEquals(2, all.size(), "no monitor was started twice");
        }
    }

    @Test
    void withoutTheServiceCheckedServersAreUp() {
        Backend config = be(checked("a", 1001, 2));
        try (BackendPool pool = open(config)) {
            health.follow(Map.of("be", pool));
            assertTrue(started.isEmpty());
            health.service(Optional.of(service));
            started.get("be/a").report(HealthState.DOWN, REFUSED);
            assertEquals(ServerState.DOWN, named(pool, "a").state());

            health.serviceGone((target, spec, listener) -> { throw new AssertionError("not in use"); });
            assertFalse(started.get("be/a").stopped, "another service going away changes nothing");
            health.serviceGone(service);
            assertTrue(started.get("be/a").stopped);
            assertEquals(ServerState.UP, named(pool, "a").state(), "no checks: back to today's behaviour");
        }
    }

    @Test
    void aDisabledServerStaysInMaintenanceWhateverItsChecksSay() {
        Server disabled = new Server("m", "127.0.0.1", 1003, true, Server.DEFAULT_INTER, Server.DEFAULT_INTER,
                Server.DEFAULT_INTER, 2, 3, 1, false, 0, true, Duration.ZERO, false);
        Backend config = be(disabled);
        try (BackendPool pool = open(config)) {
            health.service(Optional.of(service));
            health.follow(Map.of("be", pool));
            started.get("be/m").report(HealthState.UP, PASSED);
            assertEquals(ServerState.MAINT, named(pool, "m").state());
        }
    }

    private static BackendPool open(Backend config) {
        return BackendPool.open(new RoundRobinRegistry(), InstantSource.system(), config, addresses(config));
    }

    private static final CheckOutcome REFUSED = CheckOutcome.of(CheckStatus.L4CON, "Connection refused", Duration.ZERO);
    private static final CheckOutcome PASSED = CheckOutcome.of(CheckStatus.L4OK, "", Duration.ZERO);
}
