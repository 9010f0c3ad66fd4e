package dev.fulcrum.sched.ipvs;

import static dev.fulcrum.sched.ipvs.Algorithms.id;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.model.lvs.Persistence;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.api.sched.ServerState;
import dev.fulcrum.sched.common.TestClock;
import dev.fulcrum.sched.common.TestRequest;
import dev.fulcrum.sched.common.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The persistence decorator around rr, whose rotation makes any lost stickiness visible. */
class PersistentSchedulerTest {

    private final TestClock clock = new TestClock();
    private final TestServer a = TestServer.up("A", 1);
    private final TestServer b = TestServer.up("B", 1);
    private final TestServer c = TestServer.up("C", 1);
    private final List<TestServer> servers = List.of(a, b, c);

    private PersistentScheduler persistent(Optional<String> netmask) {
        Persistence persistence = new Persistence(Duration.ofSeconds(300), netmask.map(TestRequest::address));
        return new PersistentScheduler(new RoundRobin(List.copyOf(servers)), persistence,
                SchedulerSettings.defaults().withClock(clock), servers);
    }

    private static String pick(PersistentScheduler scheduler, String client) {
        return id(scheduler.pick(TestRequest.from(client, 50000 + client.length())));
    }

    @Test
    void aClientKeepsItsServerWithinTheTimeout() {
        PersistentScheduler scheduler = persistent(Optional.empty());
        assertEquals("A", pick(scheduler, "10.0.0.1"));
        assertEquals("B", pick(scheduler, "10.0.0.2"));
        assertEquals("A", pick(scheduler, "10.0.0.1"));
        assertEquals("C", pick(scheduler, "10.0.0.3"));
        assertEquals("B", pick(scheduler, "10.0.0.2"));
        assertEquals("A", pick(scheduler, "2001:db8::1"));
        assertEquals("A", pick(scheduler, "2001:db8::1"));
    }

    @Test
    void theGranularityNetmaskGroupsClients() {
        PersistentScheduler scheduler = persistent(Optional.of("255.255.255.0"));
        assertEquals("A", pick(scheduler, "10.0.0.1"));
        assertEquals("A", pick(scheduler, "10.0.0.200"));
        assertEquals("B", pick(scheduler, "10.0.1.1"));
        assertEquals("B", pick(scheduler, "10.0.1.99"));
        // An IPv4 mask cannot group IPv6 clients: each stands alone.
        assertEquals("C", pick(scheduler, "2001:db8::1"));
        assertEquals("A", pick(scheduler, "2001:db8::2"));
    }

    @Test
    void anEntryExpiresWhenUnusedForTheTimeout() {
        PersistentScheduler scheduler = persistent(Optional.empty());
        assertEquals("A", pick(scheduler, "10.0.0.1"));
        clock.advance(Duration.ofSeconds(299));
        assertEquals("A", pick(scheduler, "10.0.0.1"));
        clock.advance(Duration.ofSeconds(299));
        assertEquals("A", pick(scheduler, "10.0.0.1"), "each connection renews the entry");

        clock.advance(Duration.ofSeconds(300));
        assertEquals("B", pick(scheduler, "10.0.0.1"));
        assertEquals("B", pick(scheduler, "10.0.0.1"));
    }

    @Test
    void expiredEntriesAreSweptOut() {
        PersistentScheduler scheduler = persistent(Optional.empty());
        for (int i = 1; i <= 50; i++) {
            pick(scheduler, "10.0.0." + i);
        }
        assertEquals(50, scheduler.clientCount());
        clock.advance(Duration.ofSeconds(301));
        pick(scheduler, "10.0.1.1");
        assertEquals(1, scheduler.clientCount());
    }

    @Test
    void aClientIsRescheduledWhenItsServerGoesDownOrIsRemoved() {
        PersistentScheduler scheduler = persistent(Optional.empty());
        assertEquals("A", pick(scheduler, "10.0.0.1"));
        assertEquals("B", pick(scheduler, "10.0.0.2"));

        // rr's counter stands at 2; with A down its sequence is B C, so the client lands on B.
        scheduler.serverChanged(a.state(ServerState.DOWN));
        assertEquals("B", pick(scheduler, "10.0.0.1"));
        scheduler.serverChanged(a.state(ServerState.UP));
        assertEquals("B", pick(scheduler, "10.0.0.1"), "the new server sticks");

        // Both clients were on B. Counter 3, then 4, over A C: C, then A.
        scheduler.serverRemoved(b);
        assertEquals("C", pick(scheduler, "10.0.0.2"));
        assertEquals("A", pick(scheduler, "10.0.0.1"));
        assertEquals("C", pick(scheduler, "10.0.0.2"));
    }

    @Test
    void weightZeroAndMaintenanceRescheduleButDrainKeepsItsClients() {
        PersistentScheduler scheduler = persistent(Optional.empty());
        assertEquals("A", pick(scheduler, "10.0.0.1"));
        assertEquals("B", pick(scheduler, "10.0.0.2"));
        assertEquals("C", pick(scheduler, "10.0.0.3"));

        scheduler.serverChanged(a.state(ServerState.DRAIN));
        scheduler.serverChanged(b.weight(0));
        scheduler.serverChanged(c.state(ServerState.MAINT));
        assertEquals("A", pick(scheduler, "10.0.0.1"), "DRAIN keeps its persistent client (IPVS quiescent)");
        assertEquals("-", pick(scheduler, "10.0.0.2"), "no usable server left for a new choice");
        assertEquals("A", pick(scheduler, "10.0.0.1"));

        scheduler.serverChanged(b.weight(1));
        assertEquals("B", pick(scheduler, "10.0.0.3"));
        assertEquals("B", pick(scheduler, "10.0.0.4"));
    }
}
