package dev.fulcrum.sched.haproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.ServerState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** configuration.txt 4.2 "balance roundrobin": exact sequences, weight changes, the slowstart ramp. */
class RoundRobinTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-24T12:00:00Z"));

    private Scheduler roundRobin(TestServer... servers) {
        return new RoundRobinFactory().create(Picking.settings().withClock(clock), List.of(servers));
    }

    @Test
    void equalWeightsTakeTurns() {
        Scheduler rr = roundRobin(TestServer.of("a"), TestServer.of("b"), TestServer.of("c"));

        // one weight class: its ring, in the order the servers were added
        assertEquals("a b c a b c a b c", Picking.sequence(rr, 9));
    }

    @Test
    void weightsInterleaveSmoothlyRatherThanInBursts() {
        Scheduler rr = roundRobin(new TestServer("a", 5), TestServer.of("b"), TestServer.of("c"));

        // never more than three a's in a row, also across cycles, as with HAProxy 2.6 (a a a b a a c). b and c
        // form one weight class of share 2 whose turns fall in the windows [0, 4) and [3, 7) of the 7-slot
        // cycle (SmoothCycle); a's five turns come first at equal deadlines, so b goes third and c last.
        assertEquals("a a b a a a c a a b a a a c", Picking.sequence(rr, 14));
    }

    @Test
    void aServerWithHalfTheWeightIsNeverPickedTwiceInARow() {
        Scheduler rr = roundRobin(new TestServer("a", 3), new TestServer("b", 2), TestServer.of("c"));

        assertEquals("a b a b a c a b a b a c", Picking.sequence(rr, 12));
    }

    @Test
    void everyServerGetsItsWeightPerCycleGiveOrTakeOne() {
        SplittableRandom random = new SplittableRandom(Picking.SEED);
        List<TestServer> servers = IntStream.range(0, 40)
                .mapToObj(i -> new TestServer("s" + i, 1 + random.nextInt(6))).toList();
        int cycle = servers.stream().mapToInt(TestServer::weight).sum();
        Scheduler rr = new RoundRobinFactory().create(Picking.settings().withClock(clock), servers);

        Map<String, Integer> counts = Picking.counts(rr, Picking.keyless(10 * cycle));

        for (TestServer server : servers) {
            int got = counts.getOrDefault(server.id(), 0);
            assertTrue(Math.abs(got - 10 * server.weight()) <= 1, server.id() + " weight " + server.weight()
                    + " got " + got + " of " + 10 * cycle);
        }
    }

    @Test
    void aWeightChangeAppliesFromTheNextPick() {
        TestServer a = TestServer.of("a");
        TestServer b = TestServer.of("b");
        Scheduler rr = roundRobin(a, b);
        assertEquals("a b a b", Picking.sequence(rr, 4));

        rr.serverChanged(a.weight(3));

        Map<String, Integer> counts = Picking.counts(rr, Picking.keyless(400));
        assertEquals(Map.of("a", 300, "b", 100), counts);
        assertEquals(3, Picking.sequence(rr, 4).split("a", -1).length - 1, "3 of every 4 picks, spread");
    }

    /**
     * In a pool whose cycle is longer than the picks since it was laid out, a changed server takes its turns
     * in the live queue at its new weight at once, and the next layout (after one cycle's worth of picks)
     * takes it back into the cycle with its new weight.
     */
    @Test
    void aWeightChangeInALargePoolAppliesAtOnceAndTheNextCycleTakesItIn() {
        List<TestServer> servers = IntStream.rangeClosed(1, 20).mapToObj(w -> new TestServer("s" + w, w)).toList();
        Scheduler rr = new RoundRobinFactory().create(Picking.settings().withClock(clock), servers);
        Picking.sequence(rr, 5); // the cycle of 210 was laid out at the first pick

        rr.serverChanged(servers.get(0).weight(100)); // s1: 1 -> 100, total 309
        int during = Picking.counts(rr, Picking.keyless(309)).get("s1"); // the layout comes after pick 210
        Map<String, Integer> after = Picking.counts(rr, Picking.keyless(10 * 309));

        assertTrue(Math.abs(during - 100) <= 2, "s1 got " + during + " of 309 picks, expected 100 +-2");
        for (TestServer server : servers) {
            assertEquals(10 * server.weight(), after.get(server.id()), server.id() + " over 10 new cycles");
        }
    }

    @Test
    void serversThatLeaveAndComeBackRejoinTheCycle() {
        TestServer a = TestServer.of("a");
        TestServer b = TestServer.of("b");
        TestServer c = TestServer.of("c");
        Scheduler rr = roundRobin(a, b, c);

        rr.serverChanged(b.state(ServerState.DOWN));
        assertEquals(Map.of("a", 50, "c", 50), Picking.counts(rr, Picking.keyless(100)));

        rr.serverChanged(b.state(ServerState.UP));
        rr.serverRemoved(c);
        rr.serverAdded(TestServer.of("d"));
        assertEquals(Map.of("a", 50, "b", 50, "d", 50), Picking.counts(rr, Picking.keyless(150)));
    }

    @Test
    void slowStartRampsTheWeightUpWithTheClock() {
        Instant up = clock.instant();
        TestServer warming = new TestServer("w", 10).slowStart(Duration.ofSeconds(10), up);
        Scheduler rr = roundRobin(warming, new TestServer("x", 10));

        // at once: at least 1 of 10 ("at least 1"); exact share within the stride queue's +-1
        assertShare(rr, "w", 1, 11);
        clock.advance(Duration.ofSeconds(1));
        assertShare(rr, "w", 1, 11);
        clock.advance(Duration.ofMillis(1500)); // 2.5 s: ceil(10 x 2.5 / 10) = 3
        assertShare(rr, "w", 3, 13);
        clock.advance(Duration.ofMillis(2500)); // 5 s: 5
        assertShare(rr, "w", 5, 15);
        clock.advance(Duration.ofSeconds(5)); // done: 10
        assertShare(rr, "w", 10, 20);
        clock.advance(Duration.ofHours(1));
        assertShare(rr, "w", 10, 20);
    }

    @Test
    void aServerThatComesBackUpRampsAgain() {
        TestServer back = new TestServer("w", 4);
        Scheduler rr = roundRobin(back, new TestServer("x", 4));
        assertShare(rr, "w", 4, 8);

        rr.serverChanged(back.state(ServerState.DOWN));
        assertEquals(Map.of("x", 80), Picking.counts(rr, Picking.keyless(80)));
        rr.serverChanged(back.state(ServerState.UP).slowStart(Duration.ofSeconds(4), clock.instant()));
        assertShare(rr, "w", 1, 5);
        clock.advance(Duration.ofSeconds(2));
        assertShare(rr, "w", 2, 6);
    }

    /** Over 10 full cycles of {@code cycle} picks the server gets {@code perCycle} each, give or take one. */
    private static void assertShare(Scheduler rr, String id, int perCycle, int cycle) {
        int got = Picking.counts(rr, Picking.keyless(10 * cycle)).getOrDefault(id, 0);
        assertTrue(Math.abs(got - 10 * perCycle) <= 1, id + " got " + got + " of " + 10 * cycle
                + ", expected " + 10 * perCycle + " +-1");
    }
}
