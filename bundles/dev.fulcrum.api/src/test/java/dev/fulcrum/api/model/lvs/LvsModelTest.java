package dev.fulcrum.api.model.lvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LvsModelTest {

    @Test
    void schedulerNamesAreTheIpvsNames() {
        assertEquals(Optional.of(Scheduler.TWOS), Scheduler.ofIpvsName("twos"));
        assertEquals(Optional.empty(), Scheduler.ofIpvsName("WLC"));
        assertEquals("wlc", Scheduler.DEFAULT.ipvsName());
    }

    @Test
    void realServerWeightIsIpvsRange() throws Exception {
        InetAddress address = InetAddress.getByName("192.168.0.1");
        assertEquals(65535, new RealServer(address, 80, 65535, Optional.empty(), false, Optional.empty(),
                Optional.empty(), 0, 0, List.of()).weight());
        assertEquals("weight must be from 0 to 65535, was 65536", assertThrows(IllegalArgumentException.class,
                () -> new RealServer(address, 80, 65536, Optional.empty(), false, Optional.empty(), Optional.empty(),
                        0, 0, List.of())).getMessage());
    }

    @Test
    void keysAndMembersValidate() {
        assertThrows(IllegalArgumentException.class, () -> new ServiceKey.Fwmark(0));
        assertThrows(IllegalArgumentException.class, () -> new VirtualServerGroup.Fwmark(1L << 32));
        assertThrows(IllegalArgumentException.class, () -> new Url.StatusRange(300, 200));
        assertThrows(IllegalArgumentException.class,
                () -> new Url("/", Optional.of("XYZ"), List.of(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new HealthChecker.HttpGet(false, CheckCommon.DEFAULTS,
                List.of(), Optional.empty(), Optional.empty(), false));
    }

    private static VirtualServer virtualServer(ServiceKey key, Optional<Persistence> persistence, int quorum) {
        return new VirtualServer(key, VirtualServer.DEFAULT_DELAY_LOOP, Scheduler.DEFAULT, ForwardingMethod.NAT,
                persistence, Protocol.TCP, Optional.empty(), false, quorum, 0, Optional.empty(), Optional.empty(),
                false, false, false, false, Optional.empty(), SchedulerFlags.NONE, false, List.of());
    }

    /** The ranges keepalived and IPVS accept, so that JSON cannot say what keepalived.conf cannot. */
    @Test
    void portZeroQuorumAndPersistenceAgreeWithKeepalived() throws Exception {
        ServiceKey everyPort = new ServiceKey.Address(InetAddress.getByName("10.0.0.1"), 0);
        Optional<Persistence> persistent = Optional.of(new Persistence(Persistence.DEFAULT_TIMEOUT, Optional.empty()));
        assertEquals(everyPort, virtualServer(everyPort, persistent, 1).key());
        assertEquals("port 0 (every port) needs persistence", assertThrows(IllegalArgumentException.class,
                () -> virtualServer(everyPort, Optional.empty(), 1)).getMessage());
        assertEquals("quorum must be from 1 to 2147483647, was 0", assertThrows(IllegalArgumentException.class,
                () -> virtualServer(everyPort, persistent, 0)).getMessage());
        assertEquals("timeout must be whole seconds from 1 to 2678400, was PT1.5S", assertThrows(
                IllegalArgumentException.class, () -> new Persistence(Duration.ofMillis(1500), Optional.empty()))
                .getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Persistence(Duration.ofDays(32), Optional.empty()));
        assertEquals(Duration.ofDays(31), new Persistence(Persistence.MAX_TIMEOUT, Optional.empty()).timeout());
    }

    @Test
    void oneVirtualServerPerKeyAndProtocolAndGroupsDefined() throws Exception {
        ServiceKey web = new ServiceKey.Address(InetAddress.getByName("10.0.0.1"), 80);
        VirtualServer tcp = virtualServer(web, Optional.empty(), 1);
        assertEquals("duplicate virtual_server 10.0.0.1 80 TCP", assertThrows(IllegalArgumentException.class,
                () -> new LvsConfig(List.of(tcp, tcp), List.of())).getMessage());
        assertEquals("virtual_server group web: no virtual_server_group of this name", assertThrows(
                IllegalArgumentException.class, () -> new LvsConfig(List.of(virtualServer(new ServiceKey.Group("web"),
                        Optional.empty(), 1)), List.of())).getMessage());
        VirtualServerGroup group = new VirtualServerGroup("web", List.of());
        assertEquals("duplicate virtual_server_group name 'web'", assertThrows(IllegalArgumentException.class,
                () -> new LvsConfig(List.of(), List.of(group, group))).getMessage());
        assertEquals("fwmark 7", new ServiceKey.Fwmark(7).text());
    }
}
