package dev.fulcrum.config.keepalived.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.model.global.GlobalSettings;
import dev.fulcrum.api.model.global.SmtpServer;
import dev.fulcrum.api.model.lvs.CheckCommon;
import dev.fulcrum.api.model.lvs.ForwardingMethod;
import dev.fulcrum.api.model.lvs.HealthChecker;
import dev.fulcrum.api.model.lvs.Persistence;
import dev.fulcrum.api.model.lvs.Protocol;
import dev.fulcrum.api.model.lvs.RealServer;
import dev.fulcrum.api.model.lvs.Scheduler;
import dev.fulcrum.api.model.lvs.ServiceKey;
import dev.fulcrum.api.model.lvs.VirtualServer;
import dev.fulcrum.api.model.vrrp.Authentication;
import dev.fulcrum.api.model.vrrp.InitialState;
import dev.fulcrum.api.model.vrrp.TrackedScript;
import dev.fulcrum.api.model.vrrp.VirtualAddress;
import dev.fulcrum.api.model.vrrp.VrrpInstance;
import dev.fulcrum.api.model.vrrp.VrrpScript;
import dev.fulcrum.api.model.vrrp.VrrpSyncGroup;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The seed's corrected keepalived.conf examples (src/test/resources/keepalived/README.md), field by field. */
class SeedModelTest {

    private static KeepalivedConfig read(String name) throws ConfigException {
        return KeepalivedConfigs.read(Configs.resource(name), Set.of("lb1"), false);
    }

    private static InetAddress ip(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    private static void assertGuideGlobals(GlobalSettings global, String from) throws Exception {
        assertEquals(List.of("admin@example.com"), global.notificationEmail());
        assertEquals(Optional.of(from), global.notificationEmailFrom());
        assertEquals(Optional.of(new SmtpServer("127.0.0.1", 25)), global.smtpServer());
        assertEquals(Duration.ofSeconds(60), global.smtpConnectTimeout());
        assertEquals(Optional.empty(), global.routerId());
        assertEquals(2, global.vrrp().version());
    }

    private static void assertGuideInstance(VrrpInstance i, String name, String iface, int vrid, String vip)
            throws Exception {
        assertEquals(name, i.name());
        assertEquals(InitialState.MASTER, i.initialState());
        assertEquals(iface, i.interfaceName());
        assertEquals(vrid, i.virtualRouterId());
        assertEquals(100, i.priority());
        assertEquals(Duration.ofSeconds(1), i.advertInterval());
        assertEquals(2, i.version());
        assertEquals(Optional.of(new Authentication(Authentication.Type.PASS, "passw123")), i.authentication());
        assertEquals(List.of(VirtualAddress.of(ip(vip))), i.virtualAddresses());
        assertFalse(i.nopreempt());
        assertTrue(i.accept());
    }

    @Test
    void lb1SyncGroupWithTwoInstancesAndNatVirtualServer() throws Exception {
        KeepalivedConfig config = read("seed-4.1-lb1.corrected.conf");
        assertGuideGlobals(config.global(), "noreply@example.com");
        List<VrrpInstance> instances = config.vrrp().instances();
        assertEquals(2, instances.size());
        assertGuideInstance(instances.get(0), "RH_EXT", "eth0", 50, "10.0.0.1");
        assertGuideInstance(instances.get(1), "RH_INT", "eth1", 2, "192.168.1.1");
        assertEquals(1, config.vrrp().syncGroups().size());
        VrrpSyncGroup group = config.vrrp().syncGroups().get(0);
        assertEquals("VG1", group.name());
        assertEquals(List.of("RH_EXT", "RH_INT"), group.group());

        assertEquals(1, config.lvs().virtualServers().size());
        VirtualServer vs = config.lvs().virtualServers().get(0);
        assertEquals(new ServiceKey.Address(ip("10.0.0.1"), 80), vs.key());
        assertEquals(Duration.ofSeconds(6), vs.delayLoop());
        assertEquals(Scheduler.RR, vs.scheduler());
        assertEquals(ForwardingMethod.NAT, vs.forwarding());
        assertEquals(Protocol.TCP, vs.protocol());
        assertEquals(Optional.empty(), vs.persistence());
        assertEquals(1, vs.quorum());
        assertEquals(0, vs.hysteresis());
        assertEquals(List.of("192.168.1.20", "192.168.1.21", "192.168.1.22", "192.168.1.23"),
                vs.realServers().stream().map(r -> r.address().getHostAddress()).collect(Collectors.toList()));
        for (RealServer rs : vs.realServers()) {
            assertEquals(80, rs.port());
            assertEquals(1, rs.weight());
            assertEquals(List.of(new HealthChecker.TcpCheck(new CheckCommon(Optional.empty(), OptionalInt.empty(),
                    Optional.empty(), OptionalInt.empty(), Duration.ofSeconds(10), 1, Duration.ofSeconds(1),
                    Optional.empty(), Optional.empty()))), rs.checkers());
        }
    }

    @Test
    void drMasterPersistentDirectRouting() throws Exception {
        KeepalivedConfig config = read("seed-4.2-dr-master.corrected.conf");
        assertGuideGlobals(config.global(), "noreply_admin@example.com");
        assertEquals(1, config.vrrp().instances().size());
        assertGuideInstance(config.vrrp().instances().get(0), "RH_1", "eth0", 50, "172.31.0.1");
        assertEquals(List.of(), config.vrrp().syncGroups());
        VirtualServer vs = config.lvs().virtualServers().get(0);
        assertEquals(new ServiceKey.Address(ip("172.31.0.1"), 80), vs.key());
        assertEquals(Duration.ofSeconds(10), vs.delayLoop());
        assertEquals(Scheduler.RR, vs.scheduler());
        assertEquals(ForwardingMethod.DR, vs.forwarding());
        assertEquals(Optional.of(new Persistence(Duration.ofSeconds(9600), Optional.empty())), vs.persistence());
        assertEquals(3, vs.realServers().size());
        for (int n = 0; n < 3; n++) {
            RealServer rs = vs.realServers().get(n);
            assertEquals(ip("192.168.0." + (n + 1)), rs.address());
            assertEquals(80, rs.port());
            assertEquals(1, rs.weight());
            CheckCommon common = rs.checkers().get(0).common();
            assertEquals(OptionalInt.of(80), common.connectPort());
            assertEquals(Duration.ofSeconds(10), common.connectTimeout());
        }
    }

    @Test
    void cephHaproxyWithTrackedScript() throws Exception {
        KeepalivedConfig config = read("seed-A.3-ceph.corrected.conf");
        assertEquals(GlobalSettings.DEFAULTS, config.global());
        assertEquals(List.of(new VrrpScript("chk_haproxy", "killall -0 haproxy", Duration.ofSeconds(2),
                Optional.empty(), 2, false, 1, 1, Optional.empty(), false)), config.vrrp().scripts());
        VrrpInstance i = config.vrrp().instances().get(0);
        assertEquals("VI_1", i.name());
        assertEquals("eth0", i.interfaceName());
        assertEquals(InitialState.MASTER, i.initialState());
        assertEquals(51, i.virtualRouterId());
        assertEquals(101, i.priority());
        assertEquals(Duration.ofSeconds(1), i.advertInterval());
        assertEquals(Optional.empty(), i.authentication());
        assertEquals(List.of(VirtualAddress.of(ip("192.168.0.100"))), i.virtualAddresses());
        assertEquals(List.of(new TrackedScript("chk_haproxy", OptionalInt.empty())), i.trackScripts());
        assertEquals(List.of(), config.lvs().virtualServers());
    }
}
