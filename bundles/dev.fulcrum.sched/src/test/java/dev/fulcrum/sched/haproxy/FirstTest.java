package dev.fulcrum.sched.haproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.ServerState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** configuration.txt 4.2 "balance first": the first server by position with a free slot below maxconn. */
class FirstTest {

    private final TestServer a = TestServer.of("a").maxConnections(2);
    private final TestServer b = new TestServer("b", 100).maxConnections(2);
    private final TestServer c = TestServer.of("c").maxConnections(2);
    private final TestServer spare = TestServer.of("spare").backup(true);

    private Scheduler first() {
        return new FirstFactory().create(Picking.settings(), List.of(a, b, c, spare));
    }

    @Test
    void fillsServersInOrderIgnoringWeight() {
        Scheduler first = first();
        assertEquals("a a", Picking.sequence(first, 2), "picks alone do not fill a server");

        first.connectionsChanged(a.connections(1));
        assertEquals("a", Picking.sequence(first, 1));
        first.connectionsChanged(a.connections(2));
        assertEquals("b", Picking.sequence(first, 1));
        first.connectionsChanged(b.connections(2));
        assertEquals("c", Picking.sequence(first, 1));
        first.connectionsChanged(a.connections(1));
        assertEquals("a", Picking.sequence(first, 1), "a freed slot is used first");
    }

    @Test
    void noLimitMeansAlwaysRoom() {
        Scheduler first = first();
        first.connectionsChanged(a.maxConnections(0).connections(1000));

        assertEquals("a", Picking.sequence(first, 1));
    }

    @Test
    void fullServersGiveNoPickAndNoBackup() {
        Scheduler first = first();
        for (TestServer server : List.of(a, b, c)) {
            first.connectionsChanged(server.connections(2));
        }

        assertEquals("-", Picking.sequence(first, 1), "HAProxy would queue; the backup is not for overload");
    }

    @Test
    void skipsServersOutOfServiceAndUsesTheBackupWhenAllAre() {
        Scheduler first = first();
        first.serverChanged(a.state(ServerState.DRAIN));
        assertEquals("b", Picking.sequence(first, 1));
        first.serverChanged(b.weight(0));
        first.serverChanged(c.state(ServerState.MAINT));
        assertEquals("spare", Picking.sequence(first, 1));

        TestServer later = TestServer.of("later");
        first.serverAdded(later);
        assertEquals("later", Picking.sequence(first, 1));
        first.serverChanged(a.state(ServerState.UP));
        assertEquals("a", Picking.sequence(first, 1), "position, not arrival, decides");
    }
}
