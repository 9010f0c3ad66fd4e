package dev.fulcrum.sched.haproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.ServerState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** configuration.txt 4.2 "balance leastconn": fewest connections per weight, round robin among equals. */
class LeastConnTest {

    private final TestServer a = TestServer.of("a");
    private final TestServer b = TestServer.of("b");
    private final TestServer c = TestServer.of("c");

    private Scheduler leastConn() {
        return new LeastConnFactory().create(Picking.settings(), List.of(a, b, c));
    }

    @Test
    void equalLoadsTakeTurns() {
        assertEquals("a b c a b c a", Picking.sequence(leastConn(), 7));
    }

    @Test
    void theLeastLoadedWinsUntilItsCountChanges() {
        Scheduler lc = leastConn();
        connections(lc, a, 2);
        connections(lc, b, 1);
        connections(lc, c, 1);

        assertEquals("b c b c", Picking.sequence(lc, 4));

        connections(lc, b, 3);
        assertEquals("c c c", Picking.sequence(lc, 3), "picks alone do not change the counts");
        connections(lc, c, 2);
        assertEquals("a c a c", Picking.sequence(lc, 4));
    }

    @Test
    void loadIsConnectionsPerWeight() {
        Scheduler lc = leastConn();
        a.weight(4);
        lc.serverChanged(a);
        connections(lc, a, 7); // 7/4 = 1.75
        connections(lc, b, 2); // 2
        connections(lc, c, 2); // 2

        assertEquals("a a", Picking.sequence(lc, 2));
        connections(lc, a, 8); // 2: three equals now, a went behind
        assertEquals("b c a b", Picking.sequence(lc, 4));
    }

    @Test
    void drainingAndDownServersGetNothing() {
        Scheduler lc = leastConn();
        lc.serverChanged(a.state(ServerState.DRAIN));
        lc.serverChanged(b.state(ServerState.DOWN));
        connections(lc, c, 50);

        assertEquals("c c c", Picking.sequence(lc, 3));
    }

    @Test
    void theLeastLoadedServerGoneDownBeforeItsHookIsPassedOver() {
        Scheduler lc = leastConn();
        connections(lc, b, 4);
        connections(lc, c, 4);
        a.state(ServerState.DOWN); // its owner changed it; serverChanged has not been called yet

        assertEquals("b c b c", Picking.sequence(lc, 4), "a stays least loaded, but is out of service");
        lc.serverChanged(a.state(ServerState.UP));
        assertEquals("a a", Picking.sequence(lc, 2));
    }

    @Test
    void aServerInSlowStartCountsAsLighterWeighted() {
        TestClock clock = new TestClock(Instant.parse("2026-11-24T12:00:00Z"));
        TestServer warming = new TestServer("w", 10).slowStart(Duration.ofSeconds(10), clock.instant());
        TestServer steady = new TestServer("s", 10);
        Scheduler lc = new LeastConnFactory().create(Picking.settings().withClock(clock), List.of(warming, steady));
        connections(lc, warming, 2); // 2 per weight 1 (the ramp's floor) = 2
        connections(lc, steady, 10); // 10 per weight 10 = 1

        assertEquals("s s", Picking.sequence(lc, 2));
        clock.advance(Duration.ofSeconds(5)); // weight 5: 2/5 = 0.4
        assertEquals("w w", Picking.sequence(lc, 2));
        connections(lc, warming, 8); // 8/5 = 1.6
        assertEquals("s", Picking.sequence(lc, 1));
        clock.advance(Duration.ofSeconds(5)); // done, weight 10: 0.8
        assertEquals("w", Picking.sequence(lc, 1));
    }

    private static void connections(Scheduler scheduler, TestServer server, int count) {
        scheduler.connectionsChanged(server.connections(count));
    }
}
