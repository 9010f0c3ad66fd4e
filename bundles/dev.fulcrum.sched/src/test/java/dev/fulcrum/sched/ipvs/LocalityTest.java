package dev.fulcrum.sched.ipvs;

import static dev.fulcrum.sched.ipvs.Algorithms.id;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.ServerState;
import dev.fulcrum.sched.common.TestClock;
import dev.fulcrum.sched.common.TestRequest;
import dev.fulcrum.sched.common.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** lblc and lblcr: destinations stick, overload moves or replicates them, the cache expires. */
class LocalityTest {

    private static final String CACHED = "203.0.113.80";

    private final TestClock clock = new TestClock();
    private final TestServer a = TestServer.up("A", 10);
    private final TestServer b = TestServer.up("B", 10);
    private final TestServer c = TestServer.up("C", 10);

    private static String pick(Scheduler scheduler) {
        return id(scheduler.pick(TestRequest.to(CACHED)));
    }

    private void load(Scheduler scheduler, TestServer server, int active) {
        scheduler.connectionsChanged(server.connections(active, 0));
    }

    @Test
    void lblcKeepsADestinationOnItsServerUntilOverloaded() {
        Scheduler lblc = new LocalityLeastConnection(clock, List.of(a, b, c));
        assertEquals("A", pick(lblc));

        // wlc alone would now pick B, but the destination stays: A is not past its weight.
        load(lblc, a, 10);
        assertEquals("A", pick(lblc));
        assertEquals("B", id(lblc.pick(TestRequest.to("203.0.113.81"))));

        // Past its weight while B and C run below half theirs: overloaded, the least loaded takes over.
        load(lblc, a, 11);
        load(lblc, b, 3);
        assertEquals("C", pick(lblc));
        load(lblc, a, 0);
        assertEquals("C", pick(lblc));
    }

    @Test
    void lblcOverloadNeedsALightlyLoadedServerElsewhere() {
        Scheduler lblc = new LocalityLeastConnection(clock, List.of(a, b));
        assertEquals("A", pick(lblc));
        load(lblc, a, 20);
        load(lblc, b, 5);
        // is_overloaded(): nobody runs below half its weight (5 * 2 is not < 10), so A keeps it.
        assertEquals("A", pick(lblc));
        load(lblc, b, 4);
        assertEquals("B", pick(lblc));
    }

    @Test
    void lblcForgetsADestinationUnusedForTheExpiration() {
        Scheduler lblc = new LocalityLeastConnection(clock, List.of(a, b));
        assertEquals("A", pick(lblc));
        load(lblc, a, 5);

        clock.advance(Duration.ofHours(23));
        assertEquals("A", pick(lblc));
        clock.advance(Duration.ofHours(23));
        assertEquals("A", pick(lblc), "each use renews the entry");

        clock.advance(Locality.EXPIRATION.plusMillis(1));
        assertEquals("B", pick(lblc), "expired: scheduled afresh by wlc");
    }

    @Test
    void lblcMovesADestinationOffAnUnusableOrRemovedServer() {
        Scheduler lblc = new LocalityLeastConnection(clock, List.of(a, b, c));
        assertEquals("A", pick(lblc));
        lblc.serverChanged(a.state(ServerState.DRAIN));
        assertEquals("B", pick(lblc));
        lblc.serverChanged(a.state(ServerState.UP));
        assertEquals("B", pick(lblc));
        lblc.serverRemoved(b);
        assertEquals("A", pick(lblc));
    }

    @Test
    void lblcrReplicatesAnOverloadedDestinationAndUsesTheLeastLoadedReplica() {
        Scheduler lblcr = new ReplicatedLocality(clock, List.of(a, b, c));
        assertEquals("A", pick(lblcr));

        load(lblcr, a, 11);
        load(lblcr, c, 1);
        // A is overloaded: the pool's least loaded (B) joins the set and takes the connection.
        assertEquals("B", pick(lblcr));

        // Both A and B are in the set now: the less loaded of them serves, C (lighter still) does not.
        load(lblcr, a, 2);
        load(lblcr, b, 3);
        load(lblcr, c, 0);
        assertEquals("A", pick(lblcr));
        load(lblcr, a, 4);
        assertEquals("B", pick(lblcr));
    }

    @Test
    void lblcrShrinksASetUnchangedForTheExpiration() {
        Scheduler lblcr = new ReplicatedLocality(clock, List.of(a, b, c));
        assertEquals("A", pick(lblcr));
        load(lblcr, a, 11);
        assertEquals("B", pick(lblcr));
        load(lblcr, a, 3);
        load(lblcr, b, 5);
        assertEquals("A", pick(lblcr));

        // Used every 12 hours, so the destination stays; after 24 hours without a change in its set, the
        // most loaded member (B) leaves.
        clock.advance(Duration.ofHours(12));
        assertEquals("A", pick(lblcr));
        clock.advance(Duration.ofHours(12).plusMillis(1));
        assertEquals("A", pick(lblcr));

        // With B still a member this would now be B (the lighter); A alone serves instead.
        load(lblcr, a, 8);
        assertEquals("A", pick(lblcr));
    }

    @Test
    void lblcrNeverServesFromAnUnusableReplica() {
        Scheduler lblcr = new ReplicatedLocality(clock, List.of(a, b));
        assertEquals("A", pick(lblcr));
        lblcr.serverChanged(a.state(ServerState.MAINT));
        assertEquals("B", pick(lblcr));
        lblcr.serverChanged(b.weight(0));
        assertEquals("-", pick(lblcr));
    }

    @Test
    void lblcrDropsARemovedServerFromEveryReplicaSet() {
        Scheduler lblcr = new ReplicatedLocality(clock, List.of(a, b, c));
        assertEquals("A", pick(lblcr));
        load(lblcr, a, 11);
        assertEquals("B", pick(lblcr));
        load(lblcr, a, 1);
        load(lblcr, b, 0);
        assertEquals("B", pick(lblcr));

        // B leaves and comes back: it is no longer a replica, so A (the remaining member) serves.
        lblcr.serverRemoved(b);
        lblcr.serverAdded(b);
        assertEquals("A", pick(lblcr));
    }
}
