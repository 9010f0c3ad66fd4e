package dev.fulcrum.ipvs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.DesiredState;
import dev.fulcrum.api.model.global.GlobalSettings;
import dev.fulcrum.api.model.lvs.LvsConfig;
import dev.fulcrum.api.model.lvs.Protocol;
import dev.fulcrum.api.model.lvs.Scheduler;
import dev.fulcrum.api.model.lvs.VirtualServer;
import dev.fulcrum.api.model.vrrp.VrrpConfig;
import dev.fulcrum.api.reconcile.Revision;
import dev.fulcrum.ipvs.FakeIpvsKernel;
import dev.fulcrum.ipvs.IpvsKey;
import dev.fulcrum.ipvs.IpvsService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which kernel services Fulcrum created survives a restart (the state directory's ipvs/owned-services). */
class OwnedServicesTest {

    @TempDir
    Path state;

    private final List<String> log = new ArrayList<>();
    private final FakeIpvsKernel kernel = new FakeIpvsKernel();
    private final IpvsKey web = new IpvsKey.Address(Protocol.TCP, Lvs.ip("10.0.0.1"), 80);
    private final IpvsKey dns = new IpvsKey.Address(Protocol.UDP, Lvs.ip("10.0.0.1"), 53);
    private final IpvsKey foreign = new IpvsKey.Address(Protocol.TCP, Lvs.ip("10.9.9.9"), 80);

    @Test
    void afterARestartFulcrumStillRemovesWhatItCreatedAndNothingElse() throws Exception {
        IpvsSubsystem before = subsystem(Optional.of(state));
        assertTrue(before.reconcile(revision(1, webServer(), dnsServer())).isApplied());
        before.client().orElseThrow().addService(IpvsService.of(foreign, "rr")); // someone ran ipvsadm -A
        before.deactivate();
        assertEquals(List.of("# IPVS services Fulcrum created (dev.fulcrum.ipvs); others are never touched",
                "TCP 10.0.0.1:80", "UDP 10.0.0.1:53"), Files.readAllLines(state.resolve(OwnedServicesFile.NAME)));

        IpvsSubsystem after = subsystem(Optional.of(state));
        assertTrue(after.reconcile(revision(2, webServer())).isApplied());

        assertEquals(Set.of(web, foreign), kernel.services(), "the dropped service is removed, the foreign one stays");
        assertEquals(List.of("TCP 10.0.0.1:80"), Files.readAllLines(state.resolve(OwnedServicesFile.NAME)).subList(1, 2));
        assertFalse(Files.exists(state.resolve(OwnedServicesFile.NAME + ".tmp")), "no temporary file is left");
    }

    @Test
    void withoutTheStateDirectoryARestartForgetsIt() {
        subsystem(Optional.empty()).reconcile(revision(1, webServer(), dnsServer()));
        subsystem(Optional.empty()).reconcile(revision(2, webServer()));
        assertEquals(Set.of(web, dns), kernel.services(), "the contrast: after a restart the old service looks foreign");
    }

    @Test
    void theFileRoundTripsEveryKindOfKeyAndReportsBadLines() throws Exception {
        OwnedServicesFile file = new OwnedServicesFile(state, log::add);
        Set<IpvsKey> keys = Set.of(web, dns, new IpvsKey.Address(Protocol.SCTP, Lvs.ip("2001:db8::1"), 5060),
                new IpvsKey.Fwmark(7, false), new IpvsKey.Fwmark(8, true));
        file.save(keys);
        assertEquals(keys, new OwnedServicesFile(state, log::add).load());

        Files.writeString(file.path(), "TCP 10.0.0.1:80\nTCP 10.0.0.1:99999\nFWM 0\nTCP host.example:80\nICMP 1.2.3.4:0\n");
        assertEquals(Set.of(web), new OwnedServicesFile(state, log::add).load());
        assertEquals(4, log.size(), log::toString);
        assertTrue(log.get(0).endsWith("owned-services:2: port must be 0..65535: 99999; line skipped"), log.get(0));
        assertTrue(log.get(2).contains(":4: expected \"TCP|UDP|SCTP ADDRESS:PORT\""), log.get(2));
        assertThrows(IllegalArgumentException.class, () -> OwnedServicesFile.parse("TCP [cafe]:80"));
    }

    private IpvsSubsystem subsystem(Optional<Path> directory) {
        return new IpvsSubsystem(() -> kernel, log::add, false, Runnable::run, directory);
    }

    private static VirtualServer webServer() {
        return Lvs.virtual("10.0.0.1", 80, Scheduler.RR, Lvs.real("192.168.1.11", 80, 1));
    }

    private static VirtualServer dnsServer() {
        VirtualServer v = Lvs.virtual("10.0.0.1", 53, Scheduler.RR, Lvs.real("192.168.1.11", 53, 1));
        return new VirtualServer(v.key(), v.delayLoop(), v.scheduler(), v.forwarding(), v.persistence(), Protocol.UDP,
                v.sorryServer(), v.sorryServerInhibit(), v.quorum(), v.hysteresis(), v.quorumUp(), v.quorumDown(),
                v.inhibitOnFailure(), v.alpha(), v.omega(), v.haSuspend(), v.virtualhost(), v.flags(), v.ops(), v.realServers());
    }

    private static Revision revision(long number, VirtualServer... servers) {
        return new Revision(number, DesiredState.EMPTY.withKeepalived(GlobalSettings.DEFAULTS, VrrpConfig.EMPTY,
                new LvsConfig(List.of(servers), List.of())), Instant.EPOCH, "");
    }
}
