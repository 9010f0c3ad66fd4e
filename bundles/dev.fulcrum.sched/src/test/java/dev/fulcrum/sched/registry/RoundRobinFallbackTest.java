package dev.fulcrum.sched.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.ServerState;
import dev.fulcrum.api.sched.ServerView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RoundRobinFallbackTest {

    /** The ids of {@code count} picks in order, "none" for an empty pick. */
    static List<String> picks(Scheduler scheduler, int count) {
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            picked.add(scheduler.pick(TestRequest.ANY).map(ServerView::id).orElse("none"));
        }
        return picked;
    }

    @Test
    void takesTurnsInOrder() {
        RoundRobinFallback rr = new RoundRobinFallback(List.of(TestServer.up("a"), TestServer.up("b"), TestServer.up("c")));
        assertEquals(List.of("a", "b", "c", "a", "b", "c"), picks(rr, 6));
    }

    @Test
    void ignoresWeightsButNeverPicksWeightZero() {
        RoundRobinFallback rr = new RoundRobinFallback(List.of(TestServer.up("a").weight(100),
                TestServer.up("b").weight(0), TestServer.up("c").weight(1)));
        assertEquals(List.of("a", "c", "a", "c"), picks(rr, 4));
    }

    @Test
    void neverPicksDownDrainOrMaint() {
        RoundRobinFallback rr = new RoundRobinFallback(List.of(TestServer.up("down").state(ServerState.DOWN),
                TestServer.up("drain").state(ServerState.DRAIN), TestServer.up("maint").state(ServerState.MAINT),
                TestServer.up("up")));
        assertEquals(List.of("up", "up", "up"), picks(rr, 3));
    }

    @Test
    void backupsOnlyWhenNoNormalServerIsUsable() {
        TestServer normal = TestServer.up("a");
        RoundRobinFallback rr = new RoundRobinFallback(List.of(TestServer.backup("b1"), normal, TestServer.backup("b2")));
        assertEquals(List.of("a", "a", "a"), picks(rr, 3));

        normal.state(ServerState.DOWN);
        List<String> onBackups = picks(rr, 4);
        assertEquals(2, onBackups.stream().filter("b1"::equals).count(), onBackups.toString());
        assertEquals(2, onBackups.stream().filter("b2"::equals).count(), onBackups.toString());

        normal.state(ServerState.UP);
        assertEquals(List.of("a", "a"), picks(rr, 2));
    }

    @Test
    void everyUsableServerGetsItsTurn() {
        List<TestServer> servers = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            servers.add(TestServer.up("s" + i).weight(1 + i * 10));
        }
        List<String> picked = picks(new RoundRobinFallback(servers), 7 * 5);
        for (TestServer server : servers) {
            assertEquals(5, picked.stream().filter(server.id()::equals).count(), picked.toString());
        }
    }

    /** The common rules of Scheduler over many random pools: seeded, so a failure repeats. */
    @Test
    void keepsTheCommonRulesWhateverTheStates() {
        SplittableRandom random = new SplittableRandom(2026);
        ServerState[] states = ServerState.values();
        for (int round = 0; round < 500; round++) {
            List<TestServer> servers = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(8); i++) {
                TestServer server = random.nextInt(4) == 0 ? TestServer.backup("b" + i) : TestServer.up("n" + i);
                servers.add(server.weight(random.nextInt(3)).state(states[random.nextInt(states.length)]));
            }
            boolean normalUsable = servers.stream().anyMatch(s -> !s.backup() && s.usable());
            boolean anyUsable = servers.stream().anyMatch(TestServer::usable);
            RoundRobinFallback rr = new RoundRobinFallback(servers);
            for (int pick = 0; pick < 10; pick++) {
                Optional<ServerView> chosen = rr.pick(TestRequest.ANY);
                String pool = servers.stream().map(s -> s + "/" + s.state() + "/w" + s.weight()).toList().toString();
                assertEquals(anyUsable, chosen.isPresent(), pool);
                chosen.ifPresent(server -> {
                    assertTrue(server.usable(), pool + " picked " + server);
                    assertTrue(!normalUsable || !server.backup(), pool + " picked backup " + server);
                });
            }
        }
    }

    @Test
    void noUsableServerMeansNoPick() {
        assertEquals(Optional.empty(), new RoundRobinFallback(List.of()).pick(TestRequest.ANY));
        RoundRobinFallback rr = new RoundRobinFallback(List.of(TestServer.up("a").state(ServerState.MAINT),
                TestServer.backup("b").weight(0)));
        assertEquals(Optional.empty(), rr.pick(TestRequest.ANY));
    }

    @Test
    void followsAddedAndRemovedServers() {
        TestServer a = TestServer.up("a");
        TestServer b = TestServer.up("b");
        RoundRobinFallback rr = new RoundRobinFallback(List.of(a));
        rr.serverAdded(b);
        assertTrue(picks(rr, 2).containsAll(List.of("a", "b")));
        rr.serverRemoved(a);
        assertEquals(List.of("b", "b"), picks(rr, 2));
        rr.serverAdded(b); // the same id again replaces, it does not double b's share
        rr.serverAdded(a);
        assertEquals(2, picks(rr, 4).stream().filter("b"::equals).count());
    }
}
