package dev.fulcrum.sched.ipvs;

import static dev.fulcrum.sched.ipvs.Algorithms.create;
import static dev.fulcrum.sched.ipvs.Algorithms.pickId;
import static dev.fulcrum.sched.ipvs.Algorithms.picks;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.ServerState;
import dev.fulcrum.api.sched.ServerView;
import dev.fulcrum.sched.common.TestServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightedRoundRobinTest {

    /**
     * ip_vs_wrr.c by hand for A=4, B=3, C=2: gcd di = 1, mw = max - (di - 1) = 4, cw starts at mw.
     * Walking the list picks each server with weight >= cw; at the list's end cw -= di, and at cw <= 0
     * it wraps to mw:
     * cw=4: A | cw=3: A B | cw=2: A B C | cw=1: A B C | cw=0 -> 4: A | ...
     * One cycle is 9 picks (4 + 3 + 2) and then repeats.
     */
    @Test
    void weights432FollowTheKernelSequence() {
        Scheduler wrr = create("wrr", List.of(TestServer.up("A", 4), TestServer.up("B", 3), TestServer.up("C", 2)));

        assertEquals("A A B A B C A B C " + "A A B A B C A B C", picks(wrr, 18));
    }

    /**
     * A=4, B=2: di = 2, mw = 4 - 1 = 3. cw=3: A | cw=1: A B | cw=-1 -> 3: A | ... The gcd step keeps the
     * cycle at 3 picks instead of 6.
     */
    @Test
    void theGcdShortensTheCycle() {
        Scheduler wrr = create("wrr", List.of(TestServer.up("A", 4), TestServer.up("B", 2)));

        assertEquals("A A B A A B", picks(wrr, 6));
    }

    @Test
    void equalWeightsAreRoundRobin() {
        Scheduler wrr = create("wrr", List.of(TestServer.up("A", 7), TestServer.up("B", 7), TestServer.up("C", 7)));

        assertEquals("A B C A B C", picks(wrr, 6));
    }

    @Test
    void largeCoprimeWeightsKeepExactSharesOverOneCycle() {
        List<ServerView> servers = new ArrayList<>();
        int[] weights = {65535, 65521, 1, 30011, 2};
        for (int i = 0; i < weights.length; i++) {
            servers.add(TestServer.up("S" + i, weights[i]));
        }
        WrrCycle cycle = WrrCycle.of(servers);
        long sum = 65535L + 65521 + 1 + 30011 + 2;
        assertEquals(sum, cycle.length());

        // Sample every position of the cycle: each server appears exactly weight times.
        Map<String, Long> counts = new HashMap<>();
        for (long position = 0; position < cycle.length(); position++) {
            counts.merge(cycle.at(position).id(), 1L, Long::sum);
        }
        for (int i = 0; i < weights.length; i++) {
            assertEquals(weights[i], counts.get("S" + i), "S" + i);
        }
        // The first level is the maximum weight alone, the last one everybody.
        assertEquals("S0", cycle.at(0).id());
        assertEquals("S4", cycle.at(sum - 1).id());
    }

    @Test
    void skipsUnusableServersAndUsesTheNewWeights() {
        TestServer a = TestServer.up("A", 2);
        TestServer b = TestServer.up("B", 1);
        TestServer c = TestServer.up("C", 1).state(ServerState.DOWN);
        Scheduler wrr = create("wrr", List.of(a, b, c, TestServer.up("D", 0)));
        assertEquals("A A B", picks(wrr, 3));

        wrr.serverChanged(b.weight(2));
        wrr.serverChanged(c.state(ServerState.UP).weight(4));
        // New cycle, 4:2:2 -> di 2, mw 3: cw=3 C | cw=1 A B C. The counter (3) carries on into it:
        // positions 3 0 1 2 3 0 1 2.
        assertEquals("C C A B C C A B", picks(wrr, 8));
    }
}
