package dev.fulcrum.sched.haproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.model.proxy.Balance;
import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.SchedulerFactory;
import dev.fulcrum.api.sched.ServerState;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules of the {@link Scheduler} contract for every algorithm: weight 0, DOWN, DRAIN and MAINT are
 * never picked; backups only when no regular server is usable, and then the first usable backup by position.
 */
class CommonRulesTest {

    /**
     * Each algorithm with requests to pick for: keyless ones, and for the hashing algorithms also ones
     * carrying their key (a TCP request always has a source address, so source gets only keyed ones).
     */
    static Stream<Arguments> algorithms() {
        Stream<Arguments> plain = Stream.of(
                Arguments.of(new RoundRobinFactory(), Balance.DEFAULT, Picking.keyless(300)),
                Arguments.of(new StaticRoundRobinFactory(), null, Picking.keyless(300)),
                Arguments.of(new LeastConnFactory(), null, Picking.keyless(300)),
                Arguments.of(new FirstFactory(), null, Picking.keyless(300)),
                Arguments.of(new RandomFactory(), Balance.random(2), Picking.keyless(300)));
        Stream<Arguments> hashing = Stream.of(KeyedRequests.values()).flatMap(k -> Stream.of(
                Arguments.of(k.factory, k.balance, k.requests(300, 1)),
                Arguments.of(k.factory, k.balance, Picking.keyless(300))).limit(k == KeyedRequests.SOURCE ? 1 : 2));
        return Stream.concat(plain, hashing);
    }

    private static Scheduler create(SchedulerFactory factory, Balance balance, List<TestServer> servers,
            boolean consistent) {
        var settings = (balance == null ? Picking.settings() : Picking.settings(balance))
                .withConsistentHashing(consistent);
        return factory.create(settings, servers);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("algorithms")
    void serversOutOfServiceAreNeverPicked(SchedulerFactory factory, Balance balance,
            List<RequestContext> requests) {
        for (boolean consistent : new boolean[] {false, true}) {
            List<TestServer> servers = List.of(TestServer.of("up1"), new TestServer("zero", 0),
                    TestServer.of("down").state(ServerState.DOWN), TestServer.of("drain").state(ServerState.DRAIN),
                    TestServer.of("maint").state(ServerState.MAINT), TestServer.of("up2"),
                    TestServer.of("spare").backup(true));
            Scheduler scheduler = create(factory, balance, servers, consistent);

            Set<String> picked = new TreeSet<>(Picking.counts(scheduler, requests).keySet());

            Set<String> expected = factory.name().equals("first") ? Set.of("up1") : Set.of("up1", "up2");
            assertEquals(expected, picked, factory.name() + (consistent ? " consistent" : ""));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("algorithms")
    void theFirstUsableBackupStandsInWhenNoRegularServerIsUsable(SchedulerFactory factory, Balance balance,
            List<RequestContext> requests) {
        TestServer regular = TestServer.of("regular");
        TestServer spare1 = TestServer.of("spare1").backup(true);
        TestServer spare2 = new TestServer("spare2", 10).backup(true);
        TestServer spare3 = TestServer.of("spare3").backup(true);
        Scheduler scheduler = create(factory, balance, List.of(regular, spare1, spare2, spare3), false);
        assertEquals(Map.of("regular", requests.size()), Picking.counts(scheduler, requests));

        scheduler.serverChanged(regular.state(ServerState.DOWN));
        assertEquals(Map.of("spare1", requests.size()), Picking.counts(scheduler, requests));

        scheduler.serverChanged(spare1.state(ServerState.MAINT));
        assertEquals(Map.of("spare2", requests.size()), Picking.counts(scheduler, requests));

        scheduler.serverRemoved(spare2);
        scheduler.serverChanged(spare3.state(ServerState.DRAIN));
        assertEquals(Map.of("-", requests.size()), Picking.counts(scheduler, requests), "nobody left");

        scheduler.serverChanged(regular.state(ServerState.UP));
        assertEquals(Map.of("regular", requests.size()), Picking.counts(scheduler, requests));
    }
}
