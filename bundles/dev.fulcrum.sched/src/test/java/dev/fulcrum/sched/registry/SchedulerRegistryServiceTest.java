package dev.fulcrum.sched.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.sched.BalancedPool;
import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.SchedulerFactory;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.api.sched.ServerView;
import dev.fulcrum.api.status.SubsystemState;
import dev.fulcrum.api.status.SubsystemStatus;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The registry without a framework: the tests play SCR, calling the bind methods with service properties. */
class SchedulerRegistryServiceTest {

    private final RecordingLogger log = new RecordingLogger();
    private final SchedulerRegistryService registry = new SchedulerRegistryService(log.logger);
    private final List<TestServer> servers = List.of(TestServer.up("a"), TestServer.up("b"), TestServer.up("c"));

    static Map<String, Object> properties(String name, long serviceId, int ranking) {
        return Map.of(SchedulerFactory.NAME_PROPERTY, name, "service.id", serviceId, "service.ranking", ranking);
    }

    private static Set<String> picks(BalancedPool pool, int count) {
        return new TreeSet<>(RoundRobinFallbackTest.picks(pool, count));
    }

    @Test
    void findsAlgorithmsByTheirServiceProperty() {
        LowestIdFactory lowest = new LowestIdFactory("lowest");
        registry.addFactory(lowest, properties("lowest", 1, 0));
        registry.addFactory(new LowestIdFactory("other"), properties("other", 2, 0));

        assertEquals(List.of("lowest", "other"), List.copyOf(registry.names()));
        assertSame(lowest, registry.find("lowest").orElseThrow());
        assertTrue(registry.find("wlc").isEmpty());
        registry.removeFactory(lowest, properties("lowest", 1, 0));
        assertEquals(List.of("other"), List.copyOf(registry.names()));
    }

    @Test
    void aPoolRunsTheHighestRankedServiceOfItsName() {
        LowestIdFactory low = new LowestIdFactory("lowest");
        LowestIdFactory high = new LowestIdFactory("lowest");
        registry.addFactory(low, properties("lowest", 1, 0));
        BalancedPool pool = registry.open("web", "lowest", SchedulerSettings.defaults(), servers);
        assertEquals(1, low.createdOver.size());

        registry.addFactory(high, properties("lowest", 2, 10));
        assertEquals(1, high.createdOver.size(), "the pool moved to the higher-ranked service");
        registry.removeFactory(low, properties("lowest", 1, 0));
        assertEquals(1, high.createdOver.size(), "losing the lower-ranked service changes nothing");
        assertFalse(pool.fallingBack());

        registry.updatedFactory(low, properties("lowest", 1, 0));
        registry.updatedFactory(low, properties("lowest", 1, 20));
        assertEquals(2, low.createdOver.size(), "a raised service.ranking takes the pool over");
    }

    @Test
    void fallsBackToRoundRobinWhenTheAlgorithmGoesAndReturnsWhenItComesBack() {
        LowestIdFactory lowest = new LowestIdFactory("lowest");
        registry.addFactory(lowest, properties("lowest", 1, 0));
        BalancedPool pool = registry.open("web", "lowest", SchedulerSettings.defaults(), servers);
        assertEquals(Set.of("a"), picks(pool, 6));
        assertEquals(SubsystemState.ACTIVE, registry.status().state());

        registry.removeFactory(lowest, properties("lowest", 1, 0));
        assertTrue(pool.fallingBack());
        assertEquals(Set.of("a", "b", "c"), picks(pool, 3), "round robin takes turns");
        assertTrue(log.at("warn").stream().anyMatch(line -> line.contains("web") && line.contains("lowest")),
                log.lines.toString());
        SubsystemStatus degraded = registry.status();
        assertEquals(SubsystemState.DEGRADED, degraded.state());
        assertEquals("pool(s) on round-robin fallback: web (algorithm lowest is not available); no algorithm available",
                degraded.reason());

        LowestIdFactory again = new LowestIdFactory("lowest");
        registry.addFactory(again, properties("lowest", 3, 0));
        assertFalse(pool.fallingBack());
        assertEquals(Set.of("a"), picks(pool, 6));
        assertEquals(SubsystemStatus.active("sched", "algorithms lowest; 1 pool(s) open"), registry.status());
    }

    @Test
    void aSwapCreatesTheAlgorithmOverTheServersThePoolHasNow() {
        LowestIdFactory lowest = new LowestIdFactory("lowest");
        BalancedPool pool = registry.open("web", "lowest", SchedulerSettings.defaults(), servers);
        TestServer first = TestServer.up("0-first");
        pool.serverAdded(first);
        pool.serverRemoved(servers.get(2));

        registry.addFactory(lowest, properties("lowest", 1, 0));
        assertEquals(List.of(List.of("0-first", "a", "b")), lowest.createdOver);
        assertEquals(Set.of("0-first"), picks(pool, 3));
        pool.serverRemoved(first);
        assertEquals(Set.of("a"), picks(pool, 3), "the hooks reach the running algorithm");
    }

    @Test
    void anUnknownAlgorithmOpensOnTheFallbackAndDegrades() {
        BalancedPool pool = registry.open("api", "wlc", SchedulerSettings.defaults(), servers);
        assertTrue(pool.fallingBack());
        assertEquals(Set.of("a", "b", "c"), picks(pool, 3));
        assertEquals(SubsystemState.DEGRADED, registry.status().state());
        assertTrue(registry.status().reason().contains("api (algorithm wlc is not available)"));

        pool.close();
        assertEquals(SubsystemStatus.active("sched", "no algorithm available; 0 pool(s) open"), registry.status());
    }

    @Test
    void anAlgorithmThatFailsToStartIsReplacedByRoundRobinWithItsError() {
        SchedulerFactory broken = new LowestIdFactory("broken") {
            @Override
            public Scheduler create(SchedulerSettings settings, Collection<? extends ServerView> servers) {
                throw new IllegalStateException("no memory for the table");
            }
        };
        registry.addFactory(broken, properties("broken", 1, 0));
        BalancedPool pool = registry.open("api", "broken", SchedulerSettings.defaults(), servers);
        assertTrue(pool.fallingBack());
        assertEquals(Set.of("a", "b", "c"), picks(pool, 3));
        assertTrue(registry.status().reason().contains("api (algorithm broken failed to start: "
                + "java.lang.IllegalStateException: no memory for the table)"), registry.status().reason());
    }

    @Test
    void onlyThePoolsOfTheChangedNameMove() {
        LowestIdFactory lowest = new LowestIdFactory("lowest");
        LowestIdFactory other = new LowestIdFactory("other");
        registry.addFactory(lowest, properties("lowest", 1, 0));
        registry.addFactory(other, properties("other", 2, 0));
        BalancedPool web = registry.open("web", "lowest", SchedulerSettings.defaults(), servers);
        BalancedPool api = registry.open("api", "other", SchedulerSettings.defaults(), servers);

        registry.removeFactory(other, properties("other", 2, 0));
        assertFalse(web.fallingBack());
        assertTrue(api.fallingBack());
        assertEquals("pool(s) on round-robin fallback: api (algorithm other is not available); algorithms lowest",
                registry.status().reason());
    }

    @Test
    void afterDeactivationUnbindingAlgorithmsMovesNoPoolAndWarnsNothing() {
        LowestIdFactory lowest = new LowestIdFactory("lowest");
        registry.addFactory(lowest, properties("lowest", 1, 0));
        BalancedPool pool = registry.open("web", "lowest", SchedulerSettings.defaults(), servers);
        registry.deactivate();
        registry.removeFactory(lowest, properties("lowest", 1, 0));
        assertFalse(pool.fallingBack());
        assertEquals(List.of(), log.at("warn"));
    }

    @Test
    void aServiceWithoutTheNamePropertyIsKnownByItsFactorysName() {
        registry.addFactory(new LowestIdFactory("lowest"), Map.of("service.id", 4L));
        assertTrue(registry.find("lowest").isPresent());
        assertTrue(log.at("warn").stream().anyMatch(line -> line.contains(SchedulerFactory.NAME_PROPERTY)));
    }

    @Test
    void openRejectsMissingNamesWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.open("web", " ", SchedulerSettings.defaults(), servers));
        assertEquals("algorithm name of pool web must not be empty", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> registry.open(null, "rr", SchedulerSettings.defaults(), servers));
        assertEquals("pool name must not be empty", e.getMessage());
    }
}
