package dev.fulcrum.proxy.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.Server;
import dev.fulcrum.api.model.proxy.Timeouts;
import dev.fulcrum.api.sched.ServerState;
import dev.fulcrum.proxy.testing.Models;
import dev.fulcrum.proxy.testing.RoundRobinRegistry;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pool as health checks and revisions will drive it, without any socket. */
class BackendPoolTest {

    private static final ConnectionRequest REQUEST = new ConnectionRequest(new InetSocketAddress("192.0.2.1", 40000),
            new InetSocketAddress("127.0.0.1", 80));

    private static BackendPool pool(List<Server> servers) {
        Map<String, InetSocketAddress> addresses = new HashMap<>();
        servers.forEach(s -> addresses.put(s.name(), new InetSocketAddress("127.0.0.1", s.port())));
        return BackendPool.open(new RoundRobinRegistry(), InstantSource.system(),
                Models.backend("be", Mode.TCP, Timeouts.NONE, 3, false, servers), addresses);
    }

    private static String pick(BackendPool pool, Optional<ProxyServer> avoid) {
        return pool.pick(REQUEST, avoid).map(ProxyServer::id).orElse("none");
    }

    @Test
    void aServerSetDownIsNotPickedAndUpAgainIs() {
        BackendPool pool = pool(List.of(Models.server("a", 1001), Models.server("b", 1002)));
        ProxyServer a = pool.servers().get(0);

        pool.setState(a, ServerState.DOWN);
        assertEquals(List.of("b", "b"), List.of(pick(pool, Optional.empty()), pick(pool, Optional.empty())));

        pool.setState(a, ServerState.UP);
        assertEquals(2, List.of(pick(pool, Optional.empty()), pick(pool, Optional.empty())).stream().distinct().count());
    }

    @Test
    void redispatchAvoidsTheFailedServerUnlessItIsTheOnlyOne() {
        BackendPool pool = pool(List.of(Models.server("a", 1001), Models.server("b", 1002)));
        ProxyServer a = pool.servers().get(0);
        for (int i = 0; i < 4; i++) {
            assertEquals("b", pick(pool, Optional.of(a)));
        }
        BackendPool single = pool(List.of(Models.server("a", 1001)));
        assertEquals("a", pick(single, Optional.of(single.servers().get(0))));
    }

    @Test
    void aNewRevisionKeepsUnchangedServersAndDrainsRemovedOnes() {
        Server a = Models.server("a", 1001);
        BackendPool pool = pool(List.of(a, Models.server("b", 1002)));
        ProxyServer keptA = pool.servers().get(0);
        ProxyServer oldB = pool.servers().get(1);
        Server c = Models.server("c", 1003);

        pool.update(Models.backend("be", Mode.TCP, Timeouts.NONE, 3, false, List.of(a, c)), Map.of(
                "a", new InetSocketAddress("127.0.0.1", 1001), "c", new InetSocketAddress("127.0.0.1", 1003)));

        assertEquals(keptA, pool.servers().get(0), "same line, same instance and counters");
        assertEquals(ServerState.DRAIN, oldB.state());
        assertEquals(List.of("a", "c"), pool.servers().stream().map(ProxyServer::id).toList());
        Set<String> picked = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            picked.add(pick(pool, Optional.empty()));
        }
        assertEquals(Set.of("a", "c"), picked, "the scheduler was told: c added, b removed");
    }
}
