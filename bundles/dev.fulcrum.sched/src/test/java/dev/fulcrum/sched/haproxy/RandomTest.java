package dev.fulcrum.sched.haproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.proxy.Balance;
import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.ServerState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** configuration.txt 4.2 "balance random(draws)": weighted draws, the least loaded of them wins. */
class RandomTest {

    private static final int PICKS = 60_000;

    private static Scheduler random(int draws, TestServer... servers) {
        return new RandomFactory().create(Picking.settings(Balance.random(draws)), List.of(servers));
    }

    @Test
    void oneDrawFollowsTheWeights() {
        Map<String, Integer> counts = Picking.counts(random(1, new TestServer("w1", 1), new TestServer("w2", 2),
                new TestServer("w3", 3)), Picking.keyless(PICKS));

        // binomial spread of a share over 60,000 draws is at most 0.002: 0.01 is 5 of those
        assertShare(counts, "w1", 1 / 6.0, 0.01);
        assertShare(counts, "w2", 2 / 6.0, 0.01);
        assertShare(counts, "w3", 3 / 6.0, 0.01);
    }

    @Test
    void twoDrawsAvoidTheLoadedServer() {
        TestServer busy = TestServer.of("busy").connections(100);
        Map<String, Integer> counts = Picking.counts(random(2, busy, TestServer.of("b"), TestServer.of("c")),
                Picking.keyless(PICKS));

        // busy wins only when both draws are busy: 1/9 (one draw would give it 1/3)
        assertShare(counts, "busy", 1 / 9.0, 0.01);
    }

    @Test
    void manyDrawsConvergeOnTheLeastLoaded() {
        Scheduler scheduler = random(50, TestServer.of("a").connections(5), TestServer.of("b").connections(1),
                TestServer.of("c").connections(3));

        Map<String, Integer> counts = Picking.counts(scheduler, Picking.keyless(1000));
        assertTrue(counts.get("b") >= 999, counts.toString());
    }

    @Test
    void weightChangesApplyAtOnce() {
        TestServer a = TestServer.of("a");
        Scheduler scheduler = random(1, a, TestServer.of("b"));

        scheduler.serverChanged(a.weight(3));
        assertShare(Picking.counts(scheduler, Picking.keyless(PICKS)), "a", 0.75, 0.01);
        scheduler.serverChanged(a.state(ServerState.DRAIN));
        assertEquals(Map.of("b", 100), Picking.counts(scheduler, Picking.keyless(100)));
    }

    @Test
    void zeroDrawsAreRefused() {
        // Balance itself refuses random(0); the scheduler checks again for callers that build settings by hand
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new RandomScheduler(0, new java.util.SplittableRandom(1), List.of()));
        assertEquals("balance random needs at least 1 draw, not 0", error.getMessage());
    }

    private static void assertShare(Map<String, Integer> counts, String id, double expected, double tolerance) {
        double share = counts.getOrDefault(id, 0) / (double) counts.values().stream().mapToInt(i -> i).sum();
        assertTrue(Math.abs(share - expected) <= tolerance, id + " got " + share + ", expected " + expected);
    }
}
