package dev.fulcrum.sched.ipvs;

import static dev.fulcrum.sched.ipvs.Algorithms.pickId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.ServerState;
import dev.fulcrum.sched.common.TestServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TwoChoicesTest {

    private static final int PICKS = 60_000;

    private static Map<String, Integer> count(Scheduler scheduler) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < PICKS; i++) {
            counts.merge(pickId(scheduler), 1, Integer::sum);
        }
        return counts;
    }

    private static double share(Map<String, Integer> counts, String id) {
        return counts.getOrDefault(id, 0) / (double) PICKS;
    }

    @Test
    void idleServersGetSharesProportionalToWeight() {
        // Equal (zero) loads: the first draw always wins, and it is weighted: share = weight / 10.
        Scheduler twos = new TwoChoices(new SplittableRandom(5), List.of(TestServer.up("A", 1),
                TestServer.up("B", 2), TestServer.up("C", 3), TestServer.up("D", 4)));
        Map<String, Integer> counts = count(twos);
        // 60,000 draws: one standard deviation of a share is at most 0.2%; allow 1%.
        assertEquals(0.1, share(counts, "A"), 0.01, counts::toString);
        assertEquals(0.2, share(counts, "B"), 0.01, counts::toString);
        assertEquals(0.3, share(counts, "C"), 0.01, counts::toString);
        assertEquals(0.4, share(counts, "D"), 0.01, counts::toString);
    }

    @Test
    void aLoadedServerWinsOnlyWhenDrawnTwice() {
        // Equal weights, A busy: A is taken only when both draws are A, probability 1/2 * 1/2.
        Scheduler twos = new TwoChoices(new SplittableRandom(6), List.of(TestServer.up("A", 1).connections(100, 0),
                TestServer.up("B", 1)));
        Map<String, Integer> counts = count(twos);
        assertEquals(0.25, share(counts, "A"), 0.01, counts::toString);
    }

    @Test
    void drawsOnlyUsableServersOfTheTierInService() {
        TestServer a = TestServer.up("A", 1);
        Scheduler twos = new TwoChoices(new SplittableRandom(7), List.of(a, TestServer.up("W", 0),
                TestServer.up("D", 5).state(ServerState.DRAIN), TestServer.up("Z", 1).backup(true)));
        assertEquals(Map.of("A", PICKS), count(twos));

        twos.serverChanged(a.state(ServerState.MAINT));
        assertEquals(Map.of("Z", PICKS), count(twos));
    }

    @Test
    void anOverloadedHeavyweightLeavesEveryPickToTheOthers() {
        // A holds 100 of 101 weight units but is over its threshold: most draws hit it; no pick may fail.
        TestServer a = TestServer.up("A", 100).maxConnections(1);
        Scheduler twos = new TwoChoices(new SplittableRandom(8), List.of(a, TestServer.up("B", 1)));
        twos.connectionsChanged(a.connections(1, 0));
        assertEquals(Map.of("B", PICKS), count(twos));
    }
}
