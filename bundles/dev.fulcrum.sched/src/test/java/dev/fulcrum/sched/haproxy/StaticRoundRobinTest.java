package dev.fulcrum.sched.haproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.ServerState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** configuration.txt 4.2 "balance static-rr": the smooth static map, weights fixed when added. */
class StaticRoundRobinTest {

    private static Scheduler staticRr(TestServer... servers) {
        return new StaticRoundRobinFactory().create(Picking.settings(), List.of(servers));
    }

    @Test
    void walksTheSmoothMap() {
        Scheduler rr = staticRr(new TestServer("a", 5), TestServer.of("b"), TestServer.of("c"));

        // b and c (one weight class, 2 of 7) each once a cycle, a never more than 3 times in a row
        assertEquals("a a b a a a c a a b a a a c", Picking.sequence(rr, 14));
    }

    @Test
    void equalWeightsMakeOneSlotEach() {
        Scheduler rr = staticRr(new TestServer("a", 7), new TestServer("b", 7));

        assertEquals("a b a b a b", Picking.sequence(rr, 6));
    }

    @Test
    void weightChangesOnTheFlyHaveNoEffect() {
        TestServer a = TestServer.of("a");
        Scheduler rr = staticRr(a, TestServer.of("b"));

        rr.serverChanged(a.weight(9));

        assertEquals(Map.of("a", 50, "b", 50), Picking.counts(rr, Picking.keyless(100)));
    }

    @Test
    void weightZeroAndDownTakeAServerOutUntilItComesBack() {
        TestServer a = new TestServer("a", 3);
        TestServer b = TestServer.of("b");
        Scheduler rr = staticRr(a, b);

        rr.serverChanged(a.weight(0));
        assertEquals(Map.of("b", 40), Picking.counts(rr, Picking.keyless(40)));
        rr.serverChanged(a.weight(3));
        rr.serverChanged(b.state(ServerState.MAINT));
        assertEquals(Map.of("a", 40), Picking.counts(rr, Picking.keyless(40)));
        rr.serverChanged(b.state(ServerState.UP));
        assertEquals(Map.of("a", 30, "b", 10), Picking.counts(rr, Picking.keyless(40)));
    }
}
