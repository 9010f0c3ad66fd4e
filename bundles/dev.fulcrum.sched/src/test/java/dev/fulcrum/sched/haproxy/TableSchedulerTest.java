package dev.fulcrum.sched.haproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.fulcrum.api.sched.ServerState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** When the hooks of the table-based algorithms lay out a new table, and when they keep the one they have. */
class TableSchedulerTest {

    @Test
    void aStaticTableIsKeptThroughWeightChangesAndTheTurnGoesOn() {
        String unchanged = Picking.sequence(
                new StaticMapScheduler(StaticMapScheduler.NO_KEY, List.of(new TestServer("a", 3), TestServer.of("b"))), 12);
        TestServer a = new TestServer("a", 3);
        StaticMapScheduler rr = new StaticMapScheduler(StaticMapScheduler.NO_KEY, List.of(a, TestServer.of("b")));
        Object table = rr.current().table();
        String first = Picking.sequence(rr, 4);

        rr.serverChanged(a.weight(200));
        rr.serverChanged(a.weight(1));

        assertSame(table, rr.current().table());
        assertEquals(unchanged, first + " " + Picking.sequence(rr, 8), "the cycle goes on where it was");
    }

    @Test
    void aStaticTableIsLaidOutAgainWhenAServerComesGoesOrIsReplaced() {
        TestServer a = new TestServer("a", 3);
        StaticMapScheduler rr = new StaticMapScheduler(StaticMapScheduler.NO_KEY, List.of(a, TestServer.of("b")));

        Object before = rr.current().table();
        rr.serverChanged(a.weight(0));
        assertNotSame(before, rr.current().table(), "weight 0 takes a out");
        assertEquals(Map.of("b", 4), Picking.counts(rr, Picking.keyless(4)));

        before = rr.current().table();
        rr.serverChanged(a.weight(5));
        assertNotSame(before, rr.current().table(), "a is back, with the weight it was added with");
        assertEquals(Map.of("a", 30, "b", 10), Picking.counts(rr, Picking.keyless(40)));

        before = rr.current().table();
        rr.serverChanged(new TestServer("a", 3).state(ServerState.UP));
        assertNotSame(before, rr.current().table(), "a new view of a replaces the old one in the table");
    }

    @Test
    void aServerAddedAtWeightZeroTakesItsFirstWeightAboveZero() {
        TestServer a = new TestServer("a", 0);
        StaticMapScheduler rr = new StaticMapScheduler(StaticMapScheduler.NO_KEY, List.of(a, TestServer.of("b")));

        rr.serverChanged(a.weight(3));

        assertEquals(Map.of("a", 30, "b", 10), Picking.counts(rr, Picking.keyless(40)));
    }

    @Test
    void aBackupsStateChangeKeepsTheTableButChangesTheBackup() {
        TestServer a = TestServer.of("a").state(ServerState.DOWN);
        TestServer spare = TestServer.of("spare").backup(true).state(ServerState.MAINT);
        StaticMapScheduler rr = new StaticMapScheduler(StaticMapScheduler.NO_KEY, List.of(a, spare));
        Object table = rr.current().table();
        assertEquals(Optional.empty(), rr.pick(Picking.keyless(1).get(0)));

        rr.serverChanged(spare.state(ServerState.UP));

        assertSame(table, rr.current().table());
        assertEquals(Optional.of(spare), rr.pick(Picking.keyless(1).get(0)));
    }

    @Test
    void consistentHashingAndRandomFollowEveryWeightChange() {
        TestServer a = new TestServer("a", 3);
        HashRingScheduler ring = new HashRingScheduler(new SourceKey(), List.of(a, TestServer.of("b")),
                new StaticMapScheduler(StaticMapScheduler.NO_KEY, List.of()));
        RandomScheduler random = new RandomScheduler(2, new SplittableRandom(1), List.of(a, TestServer.of("b")));
        Object ringTable = ring.current().table();
        Object drawTable = random.current().table();

        a.weight(4);
        ring.serverChanged(a);
        random.serverChanged(a);

        assertNotSame(ringTable, ring.current().table());
        assertNotSame(drawTable, random.current().table());
    }

    @Test
    void mapBasedHashingKeepsItsMapThroughWeightChanges() {
        TestServer a = new TestServer("a", 3);
        StaticMapScheduler map = new StaticMapScheduler(new SourceKey(), List.of(a, TestServer.of("b")));
        Object table = map.current().table();

        map.serverChanged(a.weight(4));

        assertSame(table, map.current().table());
    }
}
