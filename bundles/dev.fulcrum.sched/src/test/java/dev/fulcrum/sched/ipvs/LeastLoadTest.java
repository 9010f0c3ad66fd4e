package dev.fulcrum.sched.ipvs;

import static dev.fulcrum.sched.ipvs.Algorithms.create;
import static dev.fulcrum.sched.ipvs.Algorithms.pickId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.ServerState;
import dev.fulcrum.sched.common.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The connection-driven algorithms given fixed counts: lc, wlc, sed, nq, ovf, fo. */
class LeastLoadTest {

    /**
     * Servers as "id:weight:active:inactive", in list order, and the kernel's choice. The comments give
     * the compared quantity of each server.
     */
    static Stream<Arguments> cases() {
        return Stream.of(
                // lc: overhead = active * 256 + inactive: 512, 556, 256
                Arguments.of("lc", "A:1:2:0 B:1:1:300 C:1:1:0", "C"),
                // lc ignores weights: 256 vs 257
                Arguments.of("lc", "A:1:1:0 B:100:1:1", "A"),
                // lc: equal overheads go to the first in list order
                Arguments.of("lc", "A:1:3:0 B:1:2:5 C:1:2:5", "B"),
                // wlc: overhead / weight = 512, 192, 128
                Arguments.of("wlc", "A:1:2:0 B:4:3:0 C:2:1:0", "C"),
                // wlc: 256/1 = 512/2, the first one wins the tie
                Arguments.of("wlc", "A:1:1:0 B:2:2:0", "A"),
                // wlc: inactive connections count 1/256 of an active one: 257/1 > 256/1
                Arguments.of("wlc", "A:1:1:1 B:1:1:0", "B"),
                // wlc: all idle, the first
                Arguments.of("wlc", "A:3:0:0 B:5:0:0", "A"),
                // sed: (active + 1) / weight = 1, 2/3
                Arguments.of("sed", "A:1:0:0 B:3:1:0", "B"),
                // sed ignores inactive connections: 2/1 vs 2/1, the first
                Arguments.of("sed", "A:1:1:900 B:1:1:0", "A"),
                // nq: the first idle server whatever its weight
                Arguments.of("nq", "A:9:1:0 B:1:0:0 C:5:0:0", "B"),
                // nq without idle servers is sed: 3/9, 2/1, 3/5
                Arguments.of("nq", "A:9:2:0 B:1:1:0 C:5:2:0", "A"),
                // ovf: the highest weight not past its weight in active connections (B has 6 > 5)
                Arguments.of("ovf", "A:3:3:0 B:5:6:0 C:4:0:0", "C"),
                // ovf: active == weight is still accepted (the kernel skips activeconns > weight)
                Arguments.of("ovf", "A:3:3:0 B:5:5:0", "B"),
                // ovf: everybody past the limit, no server
                Arguments.of("ovf", "A:3:4:0 B:5:6:0", "-"),
                // fo: the highest weight, the first of equals, connections ignored
                Arguments.of("fo", "A:2:0:0 B:5:100:0 C:5:0:0", "B"));
    }

    @ParameterizedTest(name = "{0} over {1} picks {2}")
    @MethodSource("cases")
    void picksTheKernelsChoice(String algorithm, String servers, String expected) {
        assertEquals(expected, pickId(create(algorithm, parse(servers))));
    }

    @ParameterizedTest
    @MethodSource("connectionAlgorithms")
    void followsConnectionCountsThroughTheHook(String algorithm) {
        TestServer a = TestServer.up("A", 1);
        TestServer b = TestServer.up("B", 1);
        Scheduler scheduler = create(algorithm, List.of(a, b));
        assertEquals("A", pickId(scheduler));

        scheduler.connectionsChanged(a.connections(2, 0));
        assertEquals("B", pickId(scheduler));

        scheduler.connectionsChanged(b.connections(5, 0));
        assertEquals("A", pickId(scheduler));
    }

    static Stream<String> connectionAlgorithms() {
        return Stream.of("lc", "wlc", "sed", "nq");
    }

    @ParameterizedTest
    @MethodSource("connectionAlgorithms")
    void neverPicksUnusableServersAndUsesBackupsLast(String algorithm) {
        TestServer idleDown = TestServer.up("D", 5).state(ServerState.DOWN);
        TestServer idleDrain = TestServer.up("R", 5).state(ServerState.DRAIN);
        TestServer idleMaint = TestServer.up("M", 5).state(ServerState.MAINT);
        TestServer idleWeightless = TestServer.up("W", 0);
        TestServer idleBackup = TestServer.up("Z", 5).backup(true);
        TestServer busy = TestServer.up("A", 1).connections(50, 50);
        Scheduler scheduler = create(algorithm, List.of(idleDown, idleDrain, idleMaint, idleWeightless, idleBackup,
                busy));
        assertEquals("A", pickId(scheduler));

        scheduler.serverChanged(busy.state(ServerState.DRAIN));
        assertEquals("Z", pickId(scheduler));

        scheduler.serverChanged(idleDown.state(ServerState.UP));
        assertEquals("D", pickId(scheduler));

        scheduler.serverRemoved(idleDown);
        assertEquals("Z", pickId(scheduler));
    }

    @Test
    void overflowMovesOnWhenTheServerFillsUp() {
        TestServer big = TestServer.up("big", 3);
        TestServer small = TestServer.up("small", 2);
        Scheduler ovf = create("ovf", List.of(small, big));
        assertEquals("big", pickId(ovf));

        ovf.connectionsChanged(big.connections(4, 0));
        assertEquals("small", pickId(ovf));

        ovf.connectionsChanged(small.connections(3, 0));
        assertEquals("-", pickId(ovf));

        ovf.connectionsChanged(big.connections(3, 0));
        assertEquals("big", pickId(ovf));
    }

    @Test
    void overflowDoesNotSpillIntoBackupsWhileNormalServersAreUsable() {
        TestServer full = TestServer.up("full", 2).connections(3, 0);
        TestServer backup = TestServer.up("backup", 5).backup(true);
        Scheduler ovf = create("ovf", List.of(full, backup));
        assertEquals("-", pickId(ovf), "a full normal server is still usable: no backup");

        ovf.serverChanged(full.state(ServerState.MAINT));
        assertEquals("backup", pickId(ovf));
    }

    @Test
    void failoverMovesToTheNextHighestWeight() {
        TestServer primary = TestServer.up("primary", 10);
        TestServer secondary = TestServer.up("secondary", 5);
        Scheduler fo = create("fo", List.of(secondary, primary));
        assertEquals("primary", pickId(fo));

        fo.serverChanged(primary.state(ServerState.DOWN));
        assertEquals("secondary", pickId(fo));

        fo.serverChanged(secondary.weight(20));
        fo.serverChanged(primary.state(ServerState.UP));
        assertEquals("secondary", pickId(fo));
    }

    private static List<TestServer> parse(String spec) {
        List<TestServer> servers = new ArrayList<>();
        for (String server : spec.split(" ")) {
            String[] f = server.split(":");
            servers.add(TestServer.up(f[0], Integer.parseInt(f[1]))
                    .connections(Integer.parseInt(f[2]), Integer.parseInt(f[3])));
        }
        return servers;
    }
}
