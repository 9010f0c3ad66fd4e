package dev.fulcrum.sched.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.sched.ServerState;
import dev.fulcrum.api.sched.ServerView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoadIndexTest {

    private static final Comparator<Load> BY_ACTIVE = Comparator.comparingInt(Load::active);

    private static String least(LoadIndex index) {
        return index.least().map(ServerView::id).orElse("-");
    }

    @Test
    void headIsTheLeastLoadedAndTiesGoToListOrder() {
        TestServer a = TestServer.up("A", 1).connections(3, 0);
        TestServer b = TestServer.up("B", 1).connections(1, 0);
        TestServer c = TestServer.up("C", 1).connections(1, 0);
        LoadIndex index = new LoadIndex(BY_ACTIVE, load -> true, List.of(a, b, c));
        assertEquals("B", least(index));

        index.update(b.connections(4, 0));
        assertEquals("C", least(index));
        index.update(a.connections(0, 0));
        assertEquals("A", least(index));
        index.remove(a);
        assertEquals("C", least(index));
    }

    @Test
    void anUpdateThatLeavesTheOrderUnchangedKeepsTheServer() {
        TestServer a = TestServer.up("A", 1);
        LoadIndex index = new LoadIndex(BY_ACTIVE, load -> true, List.of(a));
        index.update(a.connections(0, 7));
        index.update(a.weight(5));
        assertEquals("A", least(index));
    }

    @Test
    void aServerRemovedAndAddedAgainGoesToTheTail() {
        TestServer a = TestServer.up("A", 1);
        TestServer b = TestServer.up("B", 1);
        LoadIndex index = new LoadIndex(BY_ACTIVE, load -> true, List.of(a, b));
        index.remove(a);
        index.update(a);
        assertEquals("B", least(index));
    }

    @Test
    void backupsComeLastAndOnlyWhenNoNormalServerIsUsable() {
        TestServer backup = TestServer.up("Z", 1).backup(true);
        TestServer normal = TestServer.up("A", 1).connections(100, 0);
        LoadIndex index = new LoadIndex(BY_ACTIVE, load -> load.active() < 50, List.of(backup, normal));
        // The normal server is usable but not admitted (full): the backup still may not stand in.
        assertEquals("-", least(index));
        assertFalse(index.pickable(backup));

        index.update(normal.state(ServerState.DOWN));
        assertEquals("Z", least(index));
        assertTrue(index.pickable(backup));
    }

    @Test
    void aHeadChangedBehindTheIndexIsSkipped() {
        TestServer a = TestServer.up("A", 1);
        TestServer b = TestServer.up("B", 1).connections(5, 0);
        LoadIndex index = new LoadIndex(BY_ACTIVE, load -> true, List.of(a, b));
        // The owner changed A's state but its hook has not run yet.
        a.state(ServerState.MAINT);
        assertEquals("B", least(index));
        assertFalse(index.pickable(a));
    }

    /**
     * The heap against the kernel's way, a scan of the whole list for the strictly smallest load: after
     * each of many random changes of counts, states, backup flags, removals and additions, both agree.
     */
    @Test
    void afterAnyChangesTheLeastIsWhatAScanOfTheListFinds() {
        SplittableRandom random = new SplittableRandom(20261125L);
        List<TestServer> servers = new ArrayList<>(IntStream.range(0, 40)
                .mapToObj(i -> TestServer.up("s" + i, 1).connections(random.nextInt(8), 0)).toList());
        LoadIndex index = new LoadIndex(BY_ACTIVE, load -> true, servers);
        ServerState[] states = ServerState.values();
        for (int step = 0; step < 5000; step++) {
            TestServer server = servers.get(random.nextInt(servers.size()));
            switch (random.nextInt(10)) {
                case 0 -> index.update(server.state(states[random.nextInt(states.length)]));
                case 1 -> index.update(server.backup(random.nextInt(4) == 0));
                case 2 -> {
                    index.remove(server);
                    servers.remove(server);
                    TestServer added = TestServer.up("n" + step, 1).connections(random.nextInt(8), 0);
                    servers.add(added); // a newcomer goes last in list order
                    index.update(added);
                }
                default -> index.update(server.connections(random.nextInt(8), 0));
            }
            assertEquals(scan(servers), least(index), "after step " + step);
        }
    }

    /** ip_vs_lc.c's loop: the first usable normal server with the least count, backups only without one. */
    private static String scan(List<TestServer> servers) {
        for (boolean backups : new boolean[] {false, true}) {
            TestServer least = null;
            for (TestServer server : servers) {
                if (server.usable() && server.backup() == backups
                        && (least == null || server.activeConnections() < least.activeConnections())) {
                    least = server;
                }
            }
            if (least != null) {
                return least.id();
            }
        }
        return "-";
    }
}
