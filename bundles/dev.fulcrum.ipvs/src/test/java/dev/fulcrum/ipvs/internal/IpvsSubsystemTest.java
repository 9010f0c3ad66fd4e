package dev.fulcrum.ipvs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.DesiredState;
import dev.fulcrum.api.model.global.GlobalSettings;
import dev.fulcrum.api.model.lvs.LvsConfig;
import dev.fulcrum.api.model.lvs.Scheduler;
import dev.fulcrum.api.model.vrrp.VrrpConfig;
import dev.fulcrum.api.reconcile.ReconcileResult;
import dev.fulcrum.api.reconcile.Revision;
import dev.fulcrum.api.status.SubsystemState;
import dev.fulcrum.ipvs.FakeIpvsKernel;
import dev.fulcrum.netlink.NetlinkException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The subsystem's contract on hosts with and without IPVS (the fake kernel stands for both). */
class IpvsSubsystemTest {

    private final List<String> log = new ArrayList<>();

    @Test
    void withoutIpvsItIsInactiveWithTheReasonAndSkipsEmptyRevisions() {
        IpvsSubsystem subsystem = new IpvsSubsystem(() -> new FakeIpvsKernel(false), log::add, false);

        assertEquals(SubsystemState.INACTIVE, subsystem.status().state());
        assertEquals("IPVS is not available on this host: generic netlink family \"IPVS\" not found (is its kernel module loaded?)",
                subsystem.status().reason());
        assertTrue(subsystem.reconcile(revision(1, LvsConfig.EMPTY)).isApplied());
        assertEquals(1, subsystem.status().appliedRevision());

        ReconcileResult result = subsystem.reconcile(revision(2, oneService()));
        assertEquals(IpvsSubsystem.UNAVAILABLE, result.errors().get(0).code());
        assertTrue(result.errors().get(0).message().startsWith("revision 2 has 1 virtual servers but IPVS is not available"),
                result.errors().get(0).message());
        assertEquals(SubsystemState.INACTIVE, subsystem.status().state());
    }

    @Test
    void socketFailureIsInactiveToo() {
        IpvsSubsystem subsystem = new IpvsSubsystem(() -> {
            throw new NetlinkException("socket(AF_NETLINK) failed: EPERM");
        }, log::add, false);

        assertEquals(SubsystemState.INACTIVE, subsystem.status().state());
        assertTrue(subsystem.status().reason().endsWith("EPERM"), subsystem.status().reason());
    }

    @Test
    void withIpvsItAppliesRevisionsAndReportsThem() {
        FakeIpvsKernel kernel = new FakeIpvsKernel();
        IpvsSubsystem subsystem = new IpvsSubsystem(() -> kernel, log::add, false);
        assertEquals(SubsystemState.ACTIVE, subsystem.status().state());
        assertEquals("IP Virtual Server 1.2.1 (connection table 4096)", subsystem.status().reason());

        assertTrue(subsystem.reconcile(revision(3, oneService())).isApplied());

        assertEquals(3, kernel.log().size());
        assertEquals(3, subsystem.status().appliedRevision());
        assertEquals("IP Virtual Server 1.2.1 (connection table 4096); 1 services owned", subsystem.status().reason());
    }

    @Test
    void kernelErrorsDegradeTheSubsystemAndFailTheRevision() {
        FakeIpvsKernel kernel = new FakeIpvsKernel();
        IpvsSubsystem subsystem = new IpvsSubsystem(() -> kernel, log::add, false);
        LvsConfig config = oneService();
        kernel.failNext(dev.fulcrum.ipvs.IpvsGenl.CMD_NEW_DEST, dev.fulcrum.netlink.Errno.EINVAL);

        ReconcileResult result = subsystem.reconcile(revision(4, config));

        assertEquals(List.of("ipvs.kernel"), result.errors().stream().map(e -> e.code()).toList());
        assertEquals(SubsystemState.DEGRADED, subsystem.status().state());
    }

    @Test
    void driftRepairPassRestoresTheTableAndLogsIt() {
        FakeIpvsKernel kernel = new FakeIpvsKernel();
        IpvsSubsystem subsystem = new IpvsSubsystem(() -> kernel, log::add, false);
        subsystem.reconcile(revision(1, oneService()));
        kernel.deleteBehindTheBack(kernel.services().iterator().next());

        assertEquals(3, subsystem.repairDrift().orElseThrow().applied().size());
        assertEquals(1, kernel.services().size());
        assertEquals(1, log.size());
        assertTrue(new IpvsSubsystem(() -> new FakeIpvsKernel(false), log::add, false).repairDrift().isEmpty());
    }

    @Test
    void healthVerdictsReplanAtOnce() {
        FakeIpvsKernel kernel = new FakeIpvsKernel();
        IpvsSubsystem subsystem = new IpvsSubsystem(() -> kernel, log::add, false);
        subsystem.reconcile(revision(1, oneService()));
        kernel.log().clear();

        subsystem.healthChanged((vs, rs) -> rs.address().equals(Lvs.ip("192.168.1.11")));

        assertEquals(List.of("delete TCP 10.0.0.1:80 -> 192.168.1.12:80"), kernel.log());
    }

    private static LvsConfig oneService() {
        return new LvsConfig(List.of(Lvs.virtual("10.0.0.1", 80, Scheduler.RR, Lvs.real("192.168.1.11", 80, 1),
                Lvs.real("192.168.1.12", 80, 1))), List.of());
    }

    private static Revision revision(long number, LvsConfig lvs) {
        return new Revision(number, DesiredState.EMPTY.withKeepalived(GlobalSettings.DEFAULTS, VrrpConfig.EMPTY, lvs),
                Instant.EPOCH, "");
    }
}
