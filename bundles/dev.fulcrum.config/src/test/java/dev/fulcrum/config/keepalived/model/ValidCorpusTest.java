package dev.fulcrum.config.keepalived.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.model.global.GlobalSettings;
import dev.fulcrum.api.model.global.LvsSyncDaemon;
import dev.fulcrum.api.model.global.LvsTimeouts;
import dev.fulcrum.api.model.global.SmtpServer;
import dev.fulcrum.api.model.global.VrrpDefaults;
import dev.fulcrum.api.model.lvs.CheckCommon;
import dev.fulcrum.api.model.lvs.Endpoint;
import dev.fulcrum.api.model.lvs.ForwardingMethod;
import dev.fulcrum.api.model.lvs.HealthChecker;
import dev.fulcrum.api.model.lvs.Persistence;
import dev.fulcrum.api.model.lvs.Protocol;
import dev.fulcrum.api.model.lvs.RealServer;
import dev.fulcrum.api.model.lvs.Scheduler;
import dev.fulcrum.api.model.lvs.SchedulerFlags;
import dev.fulcrum.api.model.lvs.ServiceKey;
import dev.fulcrum.api.model.lvs.Url;
import dev.fulcrum.api.model.lvs.VirtualServer;
import dev.fulcrum.api.model.lvs.VirtualServerGroup;
import dev.fulcrum.api.model.vrrp.Authentication;
import dev.fulcrum.api.model.vrrp.GarpSettings;
import dev.fulcrum.api.model.vrrp.InitialState;
import dev.fulcrum.api.model.vrrp.NotifyScripts;
import dev.fulcrum.api.model.vrrp.TrackedInterface;
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
import org.junit.jupiter.api.Test;

/** A corpus of valid configurations that together use every keyword the mapper covers. */
class ValidCorpusTest {

    private static KeepalivedConfig read(String name) throws ConfigException {
        return KeepalivedConfigs.read(Configs.resource("model/" + name), Set.of(), false);
    }

    private static InetAddress ip(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    private static Optional<String> some(String text) {
        return Optional.of(text);
    }

    @Test
    void globalDefs() throws Exception {
        GlobalSettings g = read("full-vrrp.conf").global();
        assertEquals(some("lb-a"), g.routerId());
        assertEquals(List.of("ops@example.com", "oncall@example.com"), g.notificationEmail());
        assertEquals(some("keepalived@example.com"), g.notificationEmailFrom());
        assertEquals(Optional.of(new SmtpServer("mail.example.com", 587)), g.smtpServer());
        assertEquals(some("lb-a.example.com"), g.smtpHeloName());
        assertEquals(Duration.ofSeconds(15), g.smtpConnectTimeout());
        assertTrue(g.smtpAlert());
        assertEquals(some("keepalived_script nogroup"), g.scriptUser());
        assertTrue(g.enableScriptSecurity());
        assertEquals(new VrrpDefaults(3, false, Duration.ofSeconds(2), 3, Duration.ofSeconds(60),
                Duration.ofMillis(1), Duration.ofMillis(2), true, true, false, Duration.ofMillis(5500),
                "224.0.0.19", "ff02:0:0:0:0:0:0:13"), g.vrrp());
        assertEquals(Optional.of(new LvsSyncDaemon("eth1", "VI_EXT", OptionalInt.of(7), OptionalInt.of(1400),
                OptionalInt.of(8848), OptionalInt.of(2), Optional.of(ip("224.0.0.81")))), g.lvsSyncDaemon());
        assertEquals(new LvsTimeouts(Optional.of(Duration.ofSeconds(900)), Optional.of(Duration.ofSeconds(120)),
                Optional.of(Duration.ofSeconds(300))), g.lvsTimeouts());
        assertTrue(g.lvsFlush());
        assertTrue(g.lvsFlushOnStop());
    }

    @Test
    void vrrpScripts() throws Exception {
        List<VrrpScript> scripts = read("full-vrrp.conf").vrrp().scripts();
        assertEquals(List.of(
                new VrrpScript("chk_proxy", "/usr/bin/pgrep -x haproxy", Duration.ofMillis(2500),
                        Optional.of(Duration.ofSeconds(1)), -20, true, 3, 2, some("nobody nogroup"), true),
                new VrrpScript("chk_link", "/usr/local/bin/link-ok", Duration.ofSeconds(1), Optional.empty(), 0,
                        false, 1, 1, Optional.empty(), false)), scripts);
    }

    @Test
    void vrrpInstanceWithEveryKeyword() throws Exception {
        VrrpInstance i = read("full-vrrp.conf").vrrp().instances().get(0);
        VrrpInstance expected = new VrrpInstance("VI_EXT", InitialState.BACKUP, "eth0", 51, 150, Duration.ofMillis(500),
                3, Optional.empty(),
                List.of(new VirtualAddress(ip("10.0.0.1"), 24, Optional.of(ip("10.0.0.255")), some("eth0"),
                        some("global"), some("eth0:vip")), VirtualAddress.of(ip("10.0.0.2"))),
                List.of(VirtualAddress.of(ip("10.0.1.1"))), true, Duration.ofSeconds(30), false, false,
                Optional.of(ip("10.0.0.11")), List.of(ip("10.0.0.12"), ip("10.0.0.13")), OptionalInt.of(64),
                Optional.of(ip("10.0.0.11")),
                List.of(new TrackedInterface("eth0", 0), new TrackedInterface("eth2", -10)),
                List.of(new TrackedScript("chk_proxy", OptionalInt.empty()), new TrackedScript("chk_link", OptionalInt.of(5))),
                true,
                new NotifyScripts(some("/etc/keepalived/notify.sh master"), some("/etc/keepalived/notify.sh backup"),
                        some("/etc/keepalived/notify.sh fault"), some("/etc/keepalived/notify.sh stop"),
                        some("/etc/keepalived/notify.sh")),
                false, new GarpSettings(Optional.of(Duration.ofSeconds(1)), OptionalInt.of(2),
                        Optional.of(Duration.ofSeconds(30))));
        assertEquals(expected, i);
    }

    @Test
    void vrrpInstanceDefaultsAndStrictOwner() throws Exception {
        List<VrrpInstance> instances = read("full-vrrp.conf").vrrp().instances();
        VrrpInstance owner = instances.get(1);
        assertEquals(InitialState.MASTER, owner.initialState());
        assertEquals(255, owner.priority());
        assertEquals(2, owner.version());
        assertEquals(Duration.ofSeconds(3), owner.advertInterval());
        assertEquals(Optional.of(new Authentication(Authentication.Type.AH, "secret")), owner.authentication());
        assertTrue(owner.strictMode());
        assertTrue(owner.accept());
        assertTrue(owner.smtpAlert());
        VrrpInstance v6 = instances.get(2);
        assertEquals(InitialState.BACKUP, v6.initialState());
        assertEquals(100, v6.priority());
        assertEquals(3, v6.version());
        assertEquals(Duration.ofSeconds(1), v6.advertInterval());
        assertEquals(List.of(new VirtualAddress(ip("2001:db8::1"), 64, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty())), v6.virtualAddresses());
        assertTrue(v6.accept());
        assertFalse(v6.strictMode());
        assertEquals(GarpSettings.GLOBAL_DEFAULTS, v6.garp());
    }

    @Test
    void syncGroup() throws Exception {
        assertEquals(List.of(new VrrpSyncGroup("VG_1", List.of("VI_EXT", "VI_INT"),
                new NotifyScripts(some("/etc/keepalived/group.sh master"), some("/etc/keepalived/group.sh backup"),
                        some("/etc/keepalived/group.sh fault"), some("/etc/keepalived/group.sh stop"),
                        some("/etc/keepalived/group.sh")),
                true, List.of(new TrackedInterface("eth3", 20)), List.of(new TrackedScript("chk_link", OptionalInt.empty())))),
                read("full-vrrp.conf").vrrp().syncGroups());
    }

    @Test
    void virtualServerGroups() throws Exception {
        assertEquals(List.of(
                new VirtualServerGroup("WEB", List.of(
                        new VirtualServerGroup.AddressRange(ip("10.0.0.1"), ip("10.0.0.1"), 80),
                        new VirtualServerGroup.AddressRange(ip("10.0.0.10"), ip("10.0.0.20"), 8080),
                        new VirtualServerGroup.Fwmark(3))),
                new VirtualServerGroup("WEB6", List.of(
                        new VirtualServerGroup.AddressRange(ip("2001:db8::10"), ip("2001:db8::1f"), 443)))),
                read("full-lvs.conf").lvs().groups());
    }

    @Test
    void groupFwmarkAndUdpServices() throws Exception {
        List<VirtualServer> servers = read("full-lvs.conf").lvs().virtualServers();
        VirtualServer group = servers.get(0);
        assertEquals(new ServiceKey.Group("WEB"), group.key());
        assertEquals(Scheduler.SH, group.scheduler());
        assertEquals(ForwardingMethod.TUN, group.forwarding());
        assertEquals(new SchedulerFlags(true, true, false), group.flags());
        assertEquals(0, group.realServers().get(0).weight());
        assertEquals(List.of(), group.realServers().get(0).checkers());

        VirtualServer fwmark = servers.get(1);
        assertEquals(new ServiceKey.Fwmark(7), fwmark.key());
        assertEquals(Scheduler.MH, fwmark.scheduler());
        assertEquals(new SchedulerFlags(true, true, true), fwmark.flags());
        assertEquals(Optional.of(new Persistence(Duration.ofSeconds(360), Optional.of(ip("255.255.255.0")))),
                fwmark.persistence());
        assertEquals(VirtualServer.DEFAULT_DELAY_LOOP, fwmark.delayLoop());
        RealServer dr = fwmark.realServers().get(0);
        assertEquals(Optional.of(ForwardingMethod.DR), dr.forwarding());
        assertEquals(List.of(new HealthChecker.MiscCheck(CheckCommon.DEFAULTS, "/usr/local/bin/check 192.168.0.2",
                Optional.of(Duration.ofSeconds(4)), true, some("nobody"))), dr.checkers());

        VirtualServer udp = servers.get(2);
        assertEquals(Protocol.UDP, udp.protocol());
        assertTrue(udp.ops());
        assertEquals(Scheduler.TWOS, udp.scheduler());
        assertEquals(ForwardingMethod.NAT, udp.forwarding());
        assertEquals(List.of(new HealthChecker.DnsCheck(CheckCommon.DEFAULTS, "A", "example.com")),
                udp.realServers().get(0).checkers());
    }

    @Test
    void virtualServerWithEveryKeyword() throws Exception {
        VirtualServer vs = read("full-lvs.conf").lvs().virtualServers().get(3);
        assertEquals(new ServiceKey.Address(ip("10.0.0.5"), 443), vs.key());
        assertEquals(Duration.ofSeconds(3), vs.delayLoop());
        assertEquals(Scheduler.WLC, vs.scheduler());
        assertEquals(ForwardingMethod.NAT, vs.forwarding());
        assertEquals(Optional.of(new Persistence(Duration.ofSeconds(600), Optional.empty())), vs.persistence());
        assertEquals(Optional.of(new Endpoint(ip("192.168.0.99"), 8080)), vs.sorryServer());
        assertTrue(vs.sorryServerInhibit());
        assertEquals(2, vs.quorum());
        assertEquals(1, vs.hysteresis());
        assertEquals(some("/etc/keepalived/quorum.sh up"), vs.quorumUp());
        assertEquals(some("/etc/keepalived/quorum.sh down"), vs.quorumDown());
        assertTrue(vs.inhibitOnFailure() && vs.alpha() && vs.omega() && vs.haSuspend());
        assertEquals(some("www.example.com"), vs.virtualhost());
        assertEquals(new SchedulerFlags(true, true, false), vs.flags());
        assertFalse(vs.ops());

        RealServer rs = vs.realServers().get(0);
        assertEquals(new RealServer(ip("192.168.0.10"), 443, 65535, Optional.empty(), false,
                some("/etc/keepalived/rs.sh up"), some("/etc/keepalived/rs.sh down"), 1000, 100, List.of(
                        new HealthChecker.HttpGet(true, new CheckCommon(Optional.of(ip("192.168.0.110")),
                                OptionalInt.of(8443), Optional.of(ip("192.168.0.1")), OptionalInt.of(40000),
                                Duration.ofSeconds(3), 4, Duration.ofSeconds(2), Optional.of(Duration.ofSeconds(5)),
                                Optional.of(Duration.ofSeconds(7))),
                                List.of(new Url("/health", some("9b3a0c85a887a256d6939da88aabd8cd"), List.of(),
                                                some("health.example.com")),
                                        new Url("/ready", Optional.empty(), List.of(new Url.StatusRange(200, 200),
                                                new Url.StatusRange(301, 302)), Optional.empty())),
                                some("www.example.com"), some("1.1"), true),
                        new HealthChecker.TcpCheck(new CheckCommon(Optional.empty(), OptionalInt.of(443),
                                Optional.empty(), OptionalInt.empty(), CheckCommon.DEFAULT_CONNECT_TIMEOUT, 1,
                                CheckCommon.DEFAULT_DELAY_BEFORE_RETRY, Optional.empty(), Optional.empty())))), rs);

        RealServer second = vs.realServers().get(1);
        assertTrue(second.inhibitOnFailure(), "the virtual server's inhibit_on_failure is the default");
        assertEquals(new HealthChecker.HttpGet(false, CheckCommon.DEFAULTS, List.of(new Url("/", Optional.empty(),
                List.of(), Optional.empty())), Optional.empty(), Optional.empty(), false), second.checkers().get(0));
        assertEquals(new HealthChecker.SmtpCheck(new CheckCommon(Optional.empty(), OptionalInt.empty(),
                Optional.empty(), OptionalInt.empty(), CheckCommon.DEFAULT_CONNECT_TIMEOUT, 2,
                CheckCommon.DEFAULT_DELAY_BEFORE_RETRY, Optional.empty(), Optional.empty()), some("lb.example.com")),
                second.checkers().get(1));
    }

    @Test
    void validCorpusHasNoProblemsAtAll() {
        for (String name : List.of("full-vrrp.conf", "full-lvs.conf")) {
            KeepalivedConfigs.Result result = KeepalivedConfigs.check(Configs.resource("model/" + name), Set.of(),
                    dev.fulcrum.config.keepalived.SourceReader.fileSystem(), false);
            assertEquals(List.of(), result.problems(), name);
        }
    }
}
