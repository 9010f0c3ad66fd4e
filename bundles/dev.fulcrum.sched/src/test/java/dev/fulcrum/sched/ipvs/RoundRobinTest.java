package dev.fulcrum.sched.ipvs;

import static dev.fulcrum.sched.ipvs.Algorithms.create;
import static dev.fulcrum.sched.ipvs.Algorithms.pickId;
import static dev.fulcrum.sched.ipvs.Algorithms.picks;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.ServerState;
import dev.fulcrum.sched.common.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundRobinTest {

    @Test
    void takesTheServersInListOrder() {
        Scheduler rr = create("rr", List.of(TestServer.up("A", 1), TestServer.up("B", 5), TestServer.up("C", 1)));

        assertEquals("A B C A B C A", picks(rr, 7));
    }

    @Test
    void skipsServersThatCannotTakeNewConnections() {
        List<TestServer> servers = List.of(TestServer.up("A", 1), TestServer.up("B", 0),
                TestServer.up("C", 1).state(ServerState.DOWN), TestServer.up("D", 1).state(ServerState.DRAIN),
                TestServer.up("E", 1).state(ServerState.MAINT), TestServer.up("F", 2));
        Scheduler rr = create("rr", servers);

        assertEquals("A F A F", picks(rr, 4));
    }

    @Test
    void backupsServeOnlyWhileNoNormalServerIsUsable() {
        TestServer a = TestServer.up("A", 1);
        TestServer backup = TestServer.up("Z", 1).backup(true);
        Scheduler rr = create("rr", List.of(a, backup));
        assertEquals("A A", picks(rr, 2));

        rr.serverChanged(a.state(ServerState.DOWN));
        assertEquals("Z Z", picks(rr, 2));

        rr.serverChanged(a.state(ServerState.UP));
        assertEquals("A A", picks(rr, 2));
    }

    @Test
    void addedServerJoinsAtTheTailAndRemovedOneLeaves() {
        TestServer a = TestServer.up("A", 1);
        TestServer b = TestServer.up("B", 1);
        Scheduler rr = create("rr", List.of(a, b));
        assertEquals("A B", picks(rr, 2));

        // The position carries on: the third pick goes to the new tail.
        rr.serverAdded(TestServer.up("C", 1));
        assertEquals("C A B C", picks(rr, 4));

        rr.serverRemoved(a);
        assertEquals("B C B C", picks(rr, 4));
    }

    @Test
    void noUsableServerGivesNone() {
        Scheduler rr = create("rr", List.of(TestServer.up("A", 0), TestServer.up("B", 1).state(ServerState.DOWN)));

        assertEquals("-", pickId(rr));
    }
}
