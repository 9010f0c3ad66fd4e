package dev.fulcrum.ipvs.internal;

import static dev.fulcrum.ipvs.internal.Lvs.ip;
import static dev.fulcrum.ipvs.internal.Lvs.real;
import static dev.fulcrum.ipvs.internal.Lvs.virtual;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fulcrum.api.model.lvs.ForwardingMethod;
import dev.fulcrum.api.model.lvs.LvsConfig;
import dev.fulcrum.api.model.lvs.RealServer;
import dev.fulcrum.api.model.lvs.Scheduler;
import dev.fulcrum.api.model.lvs.ServiceKey;
import dev.fulcrum.api.model.lvs.Tunnel;
import dev.fulcrum.api.model.lvs.VirtualServer;
import dev.fulcrum.ipvs.IpvsDestination;
import dev.fulcrum.ipvs.IpvsForwarding;
import dev.fulcrum.ipvs.IpvsKey;
import dev.fulcrum.ipvs.IpvsService;
import dev.fulcrum.ipvs.IpvsTunnel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The desired table's mapping from keepalived.conf(5) terms to IPVS records. */
class DesiredTableTest {

    @Test
    void tunnelTypesBecomeTheDestinationsEncapsulation() {
        Tunnel gue = new Tunnel(Tunnel.Type.GUE, 6080, Tunnel.Checksum.REMCSUM);
        RealServer own = new RealServer(ip("192.168.1.11"), 80, 1, Optional.of(ForwardingMethod.TUN), false, Optional.empty(),
                Optional.empty(), 0, 0, List.of(), Optional.of(new Tunnel(Tunnel.Type.GRE, 0, Tunnel.Checksum.CSUM)));
        RealServer inheriting = real("192.168.1.12", 80, 1);
        RealServer direct = new RealServer(ip("192.168.1.13"), 80, 1, Optional.of(ForwardingMethod.DR), false,
                Optional.empty(), Optional.empty(), 0, 0, List.of());
        RealServer plainTun = new RealServer(ip("192.168.1.14"), 80, 1, Optional.of(ForwardingMethod.TUN), false,
                Optional.empty(), Optional.empty(), 0, 0, List.of());
        VirtualServer v = virtual("10.0.0.1", 80, Scheduler.RR, own, inheriting, direct, plainTun);
        VirtualServer tunnelled = new VirtualServer(v.key(), v.delayLoop(), v.scheduler(), ForwardingMethod.TUN,
                v.persistence(), v.protocol(), v.sorryServer(), v.sorryServerInhibit(), v.quorum(), v.hysteresis(),
                v.quorumUp(), v.quorumDown(), v.inhibitOnFailure(), v.alpha(), v.omega(), v.haSuspend(), v.virtualhost(),
                v.flags(), v.ops(), v.realServers(), Optional.of(gue));

        List<Optional<IpvsTunnel>> tunnels = build(tunnelled).values().iterator().next().destinations().stream()
                .map(IpvsDestination::tunnel).toList();

        assertEquals(List.of(Optional.of(new IpvsTunnel(IpvsTunnel.Type.GRE, 0, IpvsTunnel.FLAG_CSUM)),
                Optional.of(new IpvsTunnel(IpvsTunnel.Type.GUE, 6080, IpvsTunnel.FLAG_REMCSUM)), Optional.empty(),
                Optional.of(IpvsTunnel.IPIP)), tunnels, "own type, the virtual server's, none for DR, ipip by default");
    }

    @Test
    void ipv6RangesExpandOverTheLastHextet() {
        assertEquals(List.of(ip("2001:db8::fffe"), ip("2001:db8::ffff")), DesiredTable.expand(ip("2001:db8::fffe"), ip("2001:db8::ffff")));
        assertEquals(List.of(ip("10.0.0.255")), DesiredTable.expand(ip("10.0.0.255"), ip("10.0.0.255")));
    }

    @Test
    void rangesThatRunBackwardsOrMixFamiliesAreRefused() {
        assertEquals("address range 10.0.0.9-10.0.0.1 ends before it starts",
                assertThrows(IllegalArgumentException.class, () -> DesiredTable.expand(ip("10.0.0.9"), ip("10.0.0.1"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> DesiredTable.expand(ip("10.0.0.1"), ip("::1")));
    }

    @Test
    void ipv6GranularityIsAPrefixLengthAndAnIpv4MaskOnIpv6IsRefused() {
        VirtualServer v6 = Lvs.persistent(virtual("2001:db8::1", 443, Scheduler.RR, real("2001:db8::10", 443, 1)), 60,
                "ffff:ffff:ffff:ffff::");
        IpvsService service = build(v6).values().iterator().next().service();
        assertEquals(64, service.netmask());

        VirtualServer mixed = Lvs.persistent(virtual("2001:db8::1", 443, Scheduler.RR), 60, "255.255.255.0");
        assertEquals("persistence_granularity 255.255.255.0 is not of the address family of TCP [2001:db8::1]:443",
                assertThrows(IllegalArgumentException.class, () -> build(mixed)).getMessage());
    }

    @Test
    void fwmarkServicesTakeTheFamilyOfTheirRealServers() {
        Map<IpvsKey, DesiredService> table = build(virtual(new ServiceKey.Fwmark(8), Scheduler.NQ, real("2001:db8::10", 0, 1)));

        assertEquals(new IpvsKey.Fwmark(8, true), table.keySet().iterator().next());
    }

    @Test
    void tunRealServersUseIpInIpAndThresholdsPassThrough() {
        VirtualServer tun = new VirtualServer(new ServiceKey.Address(ip("10.0.0.1"), 80), VirtualServer.DEFAULT_DELAY_LOOP,
                Scheduler.WLC, dev.fulcrum.api.model.lvs.ForwardingMethod.TUN, Optional.empty(),
                dev.fulcrum.api.model.lvs.Protocol.TCP, Optional.empty(), false, 1, 0, Optional.empty(), Optional.empty(),
                false, false, false, false, Optional.empty(), dev.fulcrum.api.model.lvs.SchedulerFlags.NONE, false,
                List.of(new dev.fulcrum.api.model.lvs.RealServer(ip("192.168.1.13"), 80, 3, Optional.empty(), false,
                        Optional.empty(), Optional.empty(), 100, 50, List.of())));

        IpvsDestination destination = build(tun).values().iterator().next().destinations().get(0);

        assertEquals(IpvsForwarding.TUNNEL, destination.forwarding());
        assertEquals(Optional.of(IpvsTunnel.IPIP), destination.tunnel());
        assertEquals(100, destination.upperThreshold());
        assertEquals(50, destination.lowerThreshold());
    }

    @Test
    void twoVirtualServersForOneServiceAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> build(virtual("10.0.0.1", 80, Scheduler.RR),
                virtual("10.0.0.1", 80, Scheduler.WRR)));
    }

    private static Map<IpvsKey, DesiredService> build(VirtualServer... virtualServers) {
        return DesiredTable.build(new LvsConfig(List.of(virtualServers), List.of()), RealServerHealth.ALL_UP, new QuorumTracker());
    }
}
