package dev.fulcrum.ipvs.internal;

import static dev.fulcrum.ipvs.internal.Lvs.real;
import static dev.fulcrum.ipvs.internal.Lvs.virtual;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.global.LvsTimeouts;
import dev.fulcrum.api.model.lvs.Endpoint;
import dev.fulcrum.api.model.lvs.LvsConfig;
import dev.fulcrum.api.model.lvs.Protocol;
import dev.fulcrum.api.model.lvs.RealServer;
import dev.fulcrum.api.model.lvs.Scheduler;
import dev.fulcrum.api.model.lvs.ServiceKey;
import dev.fulcrum.api.model.lvs.VirtualServer;
import dev.fulcrum.api.model.lvs.VirtualServerGroup;
import dev.fulcrum.ipvs.FakeIpvsKernel;
import dev.fulcrum.ipvs.IpvsClient;
import dev.fulcrum.ipvs.IpvsGenl;
import dev.fulcrum.ipvs.IpvsKey;
import dev.fulcrum.ipvs.IpvsService;
import dev.fulcrum.ipvs.IpvsTimeouts;
import dev.fulcrum.netlink.Errno;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reconciler against the fake kernel: the requests it sends, in order, for each situation. */
class LvsTableReconcilerTest {

    private final FakeIpvsKernel kernel = new FakeIpvsKernel();
    private final List<String> logLines = new ArrayList<>();
    private final LvsTableReconciler reconciler;
    private final IpvsKey web = new IpvsKey.Address(Protocol.TCP, Lvs.ip("10.0.0.1"), 80);
    private final RealServer a = real("192.168.1.11", 8080, 1);
    private final RealServer b = real("192.168.1.12", 8080, 1);

    LvsTableReconcilerTest() throws Exception {
        reconciler = new LvsTableReconciler(IpvsClient.open(kernel), logLines::add);
    }

    @Test
    void fromEmptyAddsTheServiceThenItsDestinations() {
        apply(virtual("10.0.0.1", 80, Scheduler.RR, a, b));

        assertEquals(List.of("add TCP 10.0.0.1:80 rr", "add TCP 10.0.0.1:80 -> 192.168.1.11:8080 Masq w1",
                "add TCP 10.0.0.1:80 -> 192.168.1.12:8080 Masq w1"), kernel.log());
    }

    @Test
    void theSameConfigurationAgainSendsNothing() {
        apply(virtual("10.0.0.1", 80, Scheduler.RR, a, b));
        kernel.log().clear();

        LvsTableReconciler.Outcome outcome = apply(virtual("10.0.0.1", 80, Scheduler.RR, a, b));

        assertEquals(List.of(), outcome.applied());
        assertEquals(List.of(), kernel.log());
    }

    @Test
    void changedWeightAndSchedulerAreEditedInPlace() {
        apply(virtual("10.0.0.1", 80, Scheduler.RR, a, b));
        kernel.log().clear();

        apply(virtual("10.0.0.1", 80, Scheduler.WRR, a, real("192.168.1.12", 8080, 5)));

        assertEquals(List.of("edit TCP 10.0.0.1:80 wrr", "edit TCP 10.0.0.1:80 -> 192.168.1.12:8080 Masq w5"), kernel.log());
    }

    @Test
    void aReplacedRealServerIsAddedBeforeTheOldOneIsDeleted() {
        apply(virtual("10.0.0.1", 80, Scheduler.RR, a));
        kernel.log().clear();

        apply(virtual("10.0.0.1", 80, Scheduler.RR, b));

        assertEquals(List.of("add TCP 10.0.0.1:80 -> 192.168.1.12:8080 Masq w1", "delete TCP 10.0.0.1:80 -> 192.168.1.11:8080"),
                kernel.log());
    }

    @Test
    void onlyOwnedServicesAreRemoved() throws Exception {
        IpvsKey foreign = new IpvsKey.Address(Protocol.UDP, Lvs.ip("10.9.9.9"), 53);
        IpvsClient.open(kernel).addService(IpvsService.of(foreign, "rr"));
        apply(virtual("10.0.0.1", 80, Scheduler.RR, a));
        kernel.log().clear();

        apply(); // nothing configured any more

        assertEquals(List.of("delete TCP 10.0.0.1:80"), kernel.log());
        assertEquals(Set.of(foreign), kernel.services());
        assertEquals(Set.of(), reconciler.owned());
    }

    @Test
    void driftIsRepairedWithALogLine() {
        apply(virtual("10.0.0.1", 80, Scheduler.RR, a));
        kernel.deleteBehindTheBack(web);
        kernel.log().clear();

        reconciler.repairDrift();

        assertEquals(List.of("add TCP 10.0.0.1:80 rr", "add TCP 10.0.0.1:80 -> 192.168.1.11:8080 Masq w1"), kernel.log());
        assertEquals(1, logLines.size());
        assertTrue(logLines.get(0).startsWith("ipvs: repaired drift of the kernel table (2 changes: add service TCP 10.0.0.1:80"),
                logLines.get(0));
        reconciler.repairDrift();
        assertEquals(1, logLines.size(), "no drift, no log line");
    }

    @Test
    void kernelErrorsBecomeTypedResultsAndStopTheServicesOtherRequests() {
        kernel.failNext(IpvsGenl.CMD_NEW_SERVICE, Errno.ENOMEM);

        LvsTableReconciler.Outcome outcome = apply(virtual("10.0.0.1", 80, Scheduler.RR, a, b));

        assertEquals(1, outcome.errors().size());
        assertEquals(LvsTableReconciler.KERNEL_ERROR, outcome.errors().get(0).code());
        assertEquals("adding service TCP 10.0.0.1:80 failed: out of kernel memory (ENOMEM)", outcome.errors().get(0).message());
        assertEquals(List.of(), kernel.log());
        apply(virtual("10.0.0.1", 80, Scheduler.RR, a, b));
        assertEquals(3, kernel.log().size(), "the next pass retries");
    }

    @Test
    void deadRealServerIsRemovedOrInhibitedToWeightZero() {
        RealServer inhibitedB = Lvs.inhibited(b);
        apply(virtual("10.0.0.1", 80, Scheduler.RR, a, inhibitedB));
        kernel.log().clear();

        reconciler.healthChanged((vs, rs) -> false);

        assertEquals(List.of("edit TCP 10.0.0.1:80 -> 192.168.1.12:8080 Masq w0", "delete TCP 10.0.0.1:80 -> 192.168.1.11:8080"),
                kernel.log());
    }

    @Test
    void sorryServerWhileQuorumIsLostWithHysteresis() {
        RealServer heavyA = real("192.168.1.11", 8080, 2);
        RealServer heavyB = real("192.168.1.12", 8080, 2);
        VirtualServer vs = Lvs.withQuorum(virtual("10.0.0.1", 80, Scheduler.RR, heavyA, heavyB), 3, 1,
                new Endpoint(Lvs.ip("192.168.9.9"), 0));
        apply(vs);
        assertEquals(List.of("add TCP 10.0.0.1:80 rr", "add TCP 10.0.0.1:80 -> 192.168.1.11:8080 Masq w2",
                "add TCP 10.0.0.1:80 -> 192.168.1.12:8080 Masq w2"), kernel.log());

        kernel.log().clear();
        reconciler.healthChanged((v, rs) -> rs == heavyA); // live 2 >= 3 - 1: quorum kept
        assertEquals(List.of("delete TCP 10.0.0.1:80 -> 192.168.1.12:8080"), kernel.log());

        kernel.log().clear();
        reconciler.healthChanged((v, rs) -> false); // live 0 < 2: lost, the sorry server (service port) comes first
        assertEquals(List.of("add TCP 10.0.0.1:80 -> 192.168.9.9:80 Masq w1", "delete TCP 10.0.0.1:80 -> 192.168.1.11:8080"),
                kernel.log());

        kernel.log().clear();
        reconciler.healthChanged((v, rs) -> rs == heavyA); // live 2 < 3 + 1: still lost
        assertEquals(List.of(), kernel.log());

        reconciler.healthChanged((v, rs) -> true); // live 4 >= 4: regained
        assertEquals(List.of("add TCP 10.0.0.1:80 -> 192.168.1.11:8080 Masq w2", "add TCP 10.0.0.1:80 -> 192.168.1.12:8080 Masq w2",
                "delete TCP 10.0.0.1:80 -> 192.168.9.9:80"), kernel.log());
    }

    @Test
    void groupsExpandToOneServicePerAddressAndFwmark() {
        VirtualServerGroup group = new VirtualServerGroup("web", List.of(
                new VirtualServerGroup.AddressRange(Lvs.ip("10.0.0.1"), Lvs.ip("10.0.0.3"), 80),
                new VirtualServerGroup.Fwmark(5)));
        reconciler.apply(new LvsConfig(List.of(virtual(new ServiceKey.Group("web"), Scheduler.WLC, a)), List.of(group)),
                LvsTimeouts.UNCHANGED);

        assertEquals(Set.of(web, new IpvsKey.Address(Protocol.TCP, Lvs.ip("10.0.0.2"), 80),
                new IpvsKey.Address(Protocol.TCP, Lvs.ip("10.0.0.3"), 80), new IpvsKey.Fwmark(5, false)), kernel.services());
    }

    @Test
    void persistenceAndSchedulerFlagsReachTheKernel() {
        apply(Lvs.persistent(virtual("10.0.0.1", 80, Scheduler.SH, a), 300, "255.255.255.0"));

        IpvsService service = kernel.service(web);
        assertEquals(IpvsGenl.SVC_F_PERSISTENT | IpvsGenl.SVC_F_SCHED1 | IpvsGenl.SVC_F_SCHED2, service.flags());
        assertEquals(300, service.timeout());
        assertEquals(0xFFFF_FF00L, service.netmask());
        assertEquals("Route", kernel.destinationsOf(web).get(0).forwarding().label());
    }

    @Test
    void badRangeIsAConfigErrorAndNothingIsSent() {
        VirtualServerGroup group = new VirtualServerGroup("bad", List.of(
                new VirtualServerGroup.AddressRange(Lvs.ip("10.0.0.1"), Lvs.ip("10.0.1.3"), 80)));
        LvsTableReconciler.Outcome outcome = reconciler.apply(new LvsConfig(
                List.of(virtual(new ServiceKey.Group("bad"), Scheduler.WLC, a)), List.of(group)), LvsTimeouts.UNCHANGED);

        assertEquals(LvsTableReconciler.CONFIG_ERROR, outcome.errors().get(0).code());
        assertEquals("address range 10.0.0.1-10.0.1.3 must differ in the last octet only", outcome.errors().get(0).message());
        assertEquals(List.of(), kernel.log());
    }

    @Test
    void timeoutsAreSetOnlyWhenTheyDiffer() {
        LvsTimeouts tcp600 = new LvsTimeouts(Optional.of(Duration.ofSeconds(600)), Optional.empty(), Optional.empty());
        reconciler.apply(LvsConfig.EMPTY, tcp600);
        reconciler.apply(LvsConfig.EMPTY, tcp600);

        assertEquals(List.of("timeouts 600 120 300"), kernel.log());
        assertEquals(new IpvsTimeouts(600, 120, 300), kernel.timeouts());
    }

    @Test
    void theKernelsTimeoutsAreReadOnceWhileTheConfiguredOnesStayAndAgainOnDriftRepair() {
        LvsTimeouts tcp600 = new LvsTimeouts(Optional.of(Duration.ofSeconds(600)), Optional.empty(), Optional.empty());
        reconciler.apply(LvsConfig.EMPTY, tcp600);
        reconciler.apply(LvsConfig.EMPTY, tcp600);
        assertEquals(1, kernel.timeoutReads());

        reconciler.repairDrift();
        reconciler.apply(LvsConfig.EMPTY, new LvsTimeouts(Optional.of(Duration.ofSeconds(700)), Optional.empty(), Optional.empty()));

        assertEquals(3, kernel.timeoutReads());
        assertEquals(new IpvsTimeouts(700, 120, 300), kernel.timeouts());
    }

    private LvsTableReconciler.Outcome apply(VirtualServer... virtualServers) {
        return reconciler.apply(new LvsConfig(List.of(virtualServers), List.of()), LvsTimeouts.UNCHANGED);
    }
}
