package dev.fulcrum.ipvs.internal;

import static dev.fulcrum.ipvs.internal.Lvs.ip;
import static dev.fulcrum.ipvs.internal.Lvs.real;
import static dev.fulcrum.ipvs.internal.Lvs.virtual;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fulcrum.api.model.lvs.Endpoint;
import dev.fulcrum.api.model.lvs.LvsConfig;
import dev.fulcrum.api.model.lvs.Protocol;
import dev.fulcrum.api.model.lvs.RealServer;
import dev.fulcrum.api.model.lvs.Scheduler;
import dev.fulcrum.api.model.lvs.ServiceKey;
import dev.fulcrum.api.model.lvs.VirtualServer;
import dev.fulcrum.api.model.lvs.VirtualServerGroup;
import dev.fulcrum.ipvs.IpvsKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DesiredTable#next reuses an unchanged virtual server object's DesiredService objects (what lets TablePlan
 * skip it by identity) and rebuilds whatever its inputs changed: the virtual server, a health verdict,
 * the quorum state, the groups.
 */
class DesiredTableMemoryTest {

    private final DesiredTable table = new DesiredTable();
    private final QuorumTracker quorum = new QuorumTracker();
    private final IpvsKey one = key("10.0.0.1");
    private final IpvsKey two = key("10.0.0.2");
    private final RealServer a = real("192.168.1.11", 8080, 1);
    private final RealServer b = real("192.168.1.12", 8080, 1);

    @Test
    void theSameVirtualServerObjectAndAnEqualNewOneKeepTheirServiceObjects() {
        VirtualServer web = virtual("10.0.0.1", 80, Scheduler.RR, a, b);
        Map<IpvsKey, DesiredService> first = next(RealServerHealth.ALL_UP, web, virtual("10.0.0.2", 80, Scheduler.RR, a));

        Map<IpvsKey, DesiredService> second = next(RealServerHealth.ALL_UP, // the second one parsed again
                web, virtual("10.0.0.2", 80, Scheduler.RR, real("192.168.1.11", 8080, 1)));

        assertSame(first.get(one), second.get(one));
        assertSame(first.get(two), second.get(two));
    }

    @Test
    void anEqualNewVirtualServerNextToAChangedOneIsReusedAndTheChangedOneRebuilt() {
        Map<IpvsKey, DesiredService> first = next(RealServerHealth.ALL_UP, virtual("10.0.0.1", 80, Scheduler.RR, a, b),
                virtual("10.0.0.2", 80, Scheduler.RR, a, b));

        Map<IpvsKey, DesiredService> second = next(RealServerHealth.ALL_UP, virtual("10.0.0.1", 80, Scheduler.RR, a, b),
                virtual("10.0.0.2", 80, Scheduler.RR, a, real("192.168.1.12", 8080, 5)));

        assertSame(first.get(one), second.get(one));
        assertEquals(List.of(1, 5), second.get(two).destinations().stream().map(d -> d.weight()).toList());
    }

    @Test
    void aVirtualServerRemovedOrInsertedBeforeOthersLeavesTheirServiceObjects() {
        IpvsKey three = key("10.0.0.3");
        Map<IpvsKey, DesiredService> first = next(RealServerHealth.ALL_UP, virtual("10.0.0.1", 80, Scheduler.RR, a),
                virtual("10.0.0.2", 80, Scheduler.RR, a), virtual("10.0.0.3", 80, Scheduler.RR, a));

        Map<IpvsKey, DesiredService> removed = next(RealServerHealth.ALL_UP, virtual("10.0.0.2", 80, Scheduler.RR, a),
                virtual("10.0.0.3", 80, Scheduler.RR, a));
        Map<IpvsKey, DesiredService> inserted = next(RealServerHealth.ALL_UP, virtual("10.0.0.1", 80, Scheduler.WRR, a),
                virtual("10.0.0.2", 80, Scheduler.RR, a), virtual("10.0.0.3", 80, Scheduler.RR, a));

        assertSame(first.get(two), removed.get(two));
        assertSame(first.get(three), removed.get(three));
        assertSame(first.get(two), inserted.get(two));
        assertSame(first.get(three), inserted.get(three));
        assertEquals("wrr", inserted.get(one).service().scheduler());
    }

    @Test
    void aChangedVirtualServerInTheSamePlaceIsRebuilt() {
        Map<IpvsKey, DesiredService> first = next(RealServerHealth.ALL_UP, virtual("10.0.0.2", 80, Scheduler.RR, a));

        Map<IpvsKey, DesiredService> second = next(RealServerHealth.ALL_UP, virtual("10.0.0.2", 80, Scheduler.WRR, a));

        assertEquals("rr", first.get(two).service().scheduler());
        assertEquals("wrr", second.get(two).service().scheduler());
    }

    @Test
    void aHealthVerdictRebuildsOnlyTheVirtualServerItConcerns() {
        VirtualServer web = virtual("10.0.0.1", 80, Scheduler.RR, a, b);
        VirtualServer other = virtual("10.0.0.2", 80, Scheduler.RR, a);
        Map<IpvsKey, DesiredService> first = next(RealServerHealth.ALL_UP, web, other);

        Map<IpvsKey, DesiredService> second = next((vs, rs) -> !(vs == web && rs == b), web, other);

        assertSame(first.get(two), second.get(two));
        assertEquals(1, second.get(one).destinations().size());
    }

    @Test
    void whileTheQuorumStaysLostTheSorryServerTableIsReused() {
        VirtualServer web = Lvs.withQuorum(virtual("10.0.0.1", 80, Scheduler.RR, real("192.168.1.11", 8080, 2)), 2, 0,
                new Endpoint(ip("192.168.9.9"), 0));
        next(RealServerHealth.ALL_UP, web);
        RealServerHealth down = (vs, rs) -> false;
        Map<IpvsKey, DesiredService> lost = next(down, web);

        Map<IpvsKey, DesiredService> stillLost = next(down, web);

        assertEquals("192.168.9.9", lost.get(one).destinations().get(0).address().getHostAddress());
        assertSame(lost.get(one), stillLost.get(one));
    }

    @Test
    void aNewDynamicWeightRebuildsTheVirtualServerAndTheSameWeightReusesIt() {
        VirtualServer web = virtual("10.0.0.1", 80, Scheduler.WRR, real("192.168.1.11", 8080, 1));
        Map<IpvsKey, DesiredService> configured = next(RealServerHealth.ALL_UP, web);
        Map<IpvsKey, DesiredService> dynamic = next(weighing(5), web);
        Map<IpvsKey, DesiredService> same = next(weighing(5), web);

        assertEquals(1, configured.get(one).destinations().get(0).weight());
        assertEquals(5, dynamic.get(one).destinations().get(0).weight(), "misc_dynamic: the checker's weight");
        assertSame(dynamic.get(one), same.get(one));
    }

    /** Every real server up, at {@code weight} (what a misc_dynamic MISC_CHECK asks for). */
    private static RealServerHealth weighing(int weight) {
        return new RealServerHealth() {
            @Override
            public boolean isUp(VirtualServer virtualServer, RealServer realServer) {
                return true;
            }

            @Override
            public int weight(VirtualServer virtualServer, RealServer realServer) {
                return weight;
            }
        };
    }

    @Test
    void changedGroupsRebuildEveryVirtualServer() {
        VirtualServer grouped = virtual(new ServiceKey.Group("web"), Scheduler.RR, a);
        Map<IpvsKey, DesiredService> first = table.next(new LvsConfig(List.of(grouped), List.of(group("10.0.0.1"))),
                RealServerHealth.ALL_UP, quorum); // the same virtual server object both times

        Map<IpvsKey, DesiredService> second = table.next(new LvsConfig(List.of(grouped), List.of(group("10.0.0.2"))),
                RealServerHealth.ALL_UP, quorum);

        assertEquals(List.of(one), List.copyOf(first.keySet()));
        assertEquals(List.of(two), List.copyOf(second.keySet()));
    }

    @Test
    void aReusedServiceStillCountsForTheDuplicateCheck() {
        VirtualServer web = virtual("10.0.0.1", 80, Scheduler.RR, a);
        List<VirtualServerGroup> groups = List.of(group("10.0.0.1"));
        table.next(new LvsConfig(List.of(web), groups), RealServerHealth.ALL_UP, quorum);

        LvsConfig overlapping = new LvsConfig(List.of(web, virtual(new ServiceKey.Group("web"), Scheduler.WRR, b)), groups);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> table.next(overlapping, RealServerHealth.ALL_UP, quorum));

        assertEquals("two virtual servers define the IPVS service TCP 10.0.0.1:80", e.getMessage());
    }

    private Map<IpvsKey, DesiredService> next(RealServerHealth health, VirtualServer... virtualServers) {
        return table.next(new LvsConfig(List.of(virtualServers), List.of()), health, quorum);
    }

    private static VirtualServerGroup group(String address) {
        return new VirtualServerGroup("web", List.of(new VirtualServerGroup.AddressRange(ip(address), ip(address), 80)));
    }

    private static IpvsKey key(String vip) {
        return new IpvsKey.Address(Protocol.TCP, ip(vip), 80);
    }
}
