package dev.fulcrum.ipvs.internal;

import static dev.fulcrum.ipvs.internal.Lvs.real;
import static dev.fulcrum.ipvs.internal.Lvs.virtual;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.global.LvsTimeouts;
import dev.fulcrum.api.model.lvs.LvsConfig;
import dev.fulcrum.api.model.lvs.Protocol;
import dev.fulcrum.api.model.lvs.RealServer;
import dev.fulcrum.api.model.lvs.Scheduler;
import dev.fulcrum.api.model.lvs.VirtualServer;
import dev.fulcrum.ipvs.FakeIpvsKernel;
import dev.fulcrum.ipvs.IpvsClient;
import dev.fulcrum.ipvs.IpvsGenl;
import dev.fulcrum.ipvs.IpvsKey;
import dev.fulcrum.ipvs.IpvsService;
import dev.fulcrum.netlink.Errno;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Planning from the last applied table: a new revision sends only what changed and reads nothing
 * back; the kernel's table is read again on drift repair, after a flush, and when the kernel refuses
 * a change (then the full difference is applied at once).
 */
class IncrementalReconcileTest {

    private static final int SERVICES = 100;

    private final FakeIpvsKernel kernel = new FakeIpvsKernel();
    private final List<String> logLines = new ArrayList<>();
    private final LvsTableReconciler reconciler;

    IncrementalReconcileTest() throws Exception {
        reconciler = new LvsTableReconciler(IpvsClient.open(kernel), logLines::add);
    }

    @Test
    void aOnePercentChangeSendsExactlyTheChangedCommandsAndReadsNothing() {
        List<VirtualServer> table = table();
        assertTrue(apply(table).errors().isEmpty());
        assertEquals(1, kernel.dumps(), "from an unknown table: one dump of the (empty) service list");
        kernel.log().clear();
        kernel.batches().clear();
        int dumpsBefore = kernel.dumps();

        table.set(3, virtual("10.1.0.3", 80, Scheduler.WRR, reals(3, 1)));
        table.set(7, virtual("10.1.0.7", 80, Scheduler.RR, reals(7, 5)));
        LvsTableReconciler.Outcome outcome = apply(table);

        assertEquals(List.of(), outcome.errors());
        assertEquals(dumpsBefore, kernel.dumps(), "no dump of the kernel's table");
        assertEquals(List.of("edit TCP 10.1.0.3:80 wrr", "edit TCP 10.1.0.7:80 -> 172.16.0.7:8080 Masq w5"), kernel.log());
        assertEquals(List.of(2), kernel.batches(), "both edits in one batch, nothing to remove");
    }

    @Test
    void additionsAndRemovalsGoOutInTwoBatchesAdditionsFirst() {
        apply(List.of(virtual("10.0.0.1", 80, Scheduler.RR, real("192.168.1.11", 8080, 1)),
                virtual("10.0.0.2", 80, Scheduler.RR, real("192.168.1.12", 8080, 1))));
        kernel.log().clear();
        kernel.batches().clear();

        apply(List.of(virtual("10.0.0.1", 80, Scheduler.RR, real("192.168.1.13", 8080, 1)),
                virtual("10.0.0.3", 80, Scheduler.RR, real("192.168.1.14", 8080, 1))));

        assertEquals(List.of("add TCP 10.0.0.3:80 rr", "add TCP 10.0.0.1:80 -> 192.168.1.13:8080 Masq w1",
                "add TCP 10.0.0.3:80 -> 192.168.1.14:8080 Masq w1", "delete TCP 10.0.0.1:80 -> 192.168.1.11:8080",
                "delete TCP 10.0.0.2:80"), kernel.log());
        assertEquals(List.of(3, 2), kernel.batches());
    }

    @Test
    void aRefusedChangeMakesTheReconcilerReadTheTableAndApplyTheFullDifference() {
        List<VirtualServer> table = table();
        apply(table);
        kernel.log().clear();
        int dumpsBefore = kernel.dumps();
        kernel.failNext(IpvsGenl.CMD_NEW_DEST, Errno.ENOMEM);

        table.set(5, virtual("10.1.0.5", 80, Scheduler.RR, append(reals(5, 1), real("172.16.0.5", 8090, 1),
                real("172.16.0.5", 8091, 1))));
        LvsTableReconciler.Outcome outcome = apply(table);

        assertEquals(List.of(), outcome.errors(), "the resync applied what the refused request missed");
        assertTrue(kernel.dumps() > dumpsBefore, "the kernel's table was read");
        assertEquals(List.of("add TCP 10.1.0.5:80 -> 172.16.0.5:8091 Masq w1", "add TCP 10.1.0.5:80 -> 172.16.0.5:8090 Masq w1"),
                kernel.log(), "8090 was refused at first, the resync added it");
        assertEquals(6, kernel.destinationsOf(key("10.1.0.5")).size());
        assertEquals(1, logLines.size());
        assertTrue(logLines.get(0).startsWith("ipvs: the kernel refused 1 of the changes (first: adding real server"),
                logLines.get(0));
    }

    @Test
    void aServiceDeletedBehindTheBackIsRecreatedWhenARevisionTouchesIt() {
        List<VirtualServer> table = table();
        apply(table);
        kernel.deleteBehindTheBack(key("10.1.0.9"));
        kernel.log().clear();

        table.set(9, virtual("10.1.0.9", 80, Scheduler.WRR, reals(9, 1)));
        LvsTableReconciler.Outcome outcome = apply(table);

        assertEquals(List.of(), outcome.errors());
        assertEquals(List.of("add TCP 10.1.0.9:80 wrr", "add TCP 10.1.0.9:80 -> 172.16.0.9:8080 Masq w1",
                "add TCP 10.1.0.9:80 -> 172.16.0.9:8081 Masq w1", "add TCP 10.1.0.9:80 -> 172.16.0.9:8082 Masq w1",
                "add TCP 10.1.0.9:80 -> 172.16.0.9:8083 Masq w1"), kernel.log(), "ESRCH on the edit, then the full difference");
    }

    @Test
    void driftRepairReadsTheKernelEvenWithASnapshot() {
        apply(table());
        kernel.deleteBehindTheBack(key("10.1.0.42"));
        kernel.log().clear();
        int dumpsBefore = kernel.dumps();

        reconciler.repairDrift();

        assertEquals(dumpsBefore + 1 + SERVICES - 1, kernel.dumps(), "the service list and each service's destinations");
        assertEquals(5, kernel.log().size());
        assertTrue(logLines.get(0).startsWith("ipvs: repaired drift of the kernel table (5 changes: add service TCP 10.1.0.42:80"),
                logLines.get(0));
        assertEquals(SERVICES, kernel.services().size());
    }

    @Test
    void aFailedAdditionHoldsBackTheRemovalsOfItsService() {
        apply(List.of(virtual("10.0.0.1", 80, Scheduler.RR, real("192.168.1.11", 8080, 1))));
        kernel.log().clear();
        kernel.failNext(IpvsGenl.CMD_NEW_DEST, Errno.ENOMEM);

        apply(List.of(virtual("10.0.0.1", 80, Scheduler.RR, real("192.168.1.12", 8080, 1))));

        // Had the old destination been deleted in the first pass, the service would have had none in between.
        assertEquals(List.of("add TCP 10.0.0.1:80 -> 192.168.1.12:8080 Masq w1", "delete TCP 10.0.0.1:80 -> 192.168.1.11:8080"),
                kernel.log());
    }

    @Test
    void aForeignServiceWithADesiredKeyIsAdoptedAfterTheKernelRefusesToAddIt() throws Exception {
        apply(List.of(virtual("10.0.0.1", 80, Scheduler.RR, real("192.168.1.11", 8080, 1))));
        IpvsClient.open(kernel).addService(IpvsService.of(key("10.0.0.2"), "wlc")); // someone ran ipvsadm -A
        kernel.log().clear();

        LvsTableReconciler.Outcome outcome = apply(List.of(virtual("10.0.0.1", 80, Scheduler.RR, real("192.168.1.11", 8080, 1)),
                virtual("10.0.0.2", 80, Scheduler.RR, real("192.168.1.12", 8080, 1))));

        assertEquals(List.of(), outcome.errors());
        // EEXIST for the service (its destination still lands: the service is there), then the resync
        // reads the table, adopts the service and edits its scheduler
        assertEquals(List.of("add TCP 10.0.0.2:80 -> 192.168.1.12:8080 Masq w1", "edit TCP 10.0.0.2:80 rr"), kernel.log());
        assertEquals("rr", kernel.service(key("10.0.0.2")).scheduler());
        assertEquals(Set.of(key("10.0.0.1"), key("10.0.0.2")), reconciler.owned());
    }

    @Test
    void afterAFlushTheTableIsReadAndRefilled() throws Exception {
        List<VirtualServer> table = List.of(virtual("10.0.0.1", 80, Scheduler.RR, real("192.168.1.11", 8080, 1)));
        apply(table);
        reconciler.flush();
        kernel.log().clear();

        apply(table);

        assertEquals(List.of("add TCP 10.0.0.1:80 rr", "add TCP 10.0.0.1:80 -> 192.168.1.11:8080 Masq w1"), kernel.log());
    }

    @Test
    void aHealthChangeIsPlannedFromTheSnapshotToo() {
        apply(table());
        kernel.log().clear();
        int dumpsBefore = kernel.dumps();

        reconciler.healthChanged((vs, rs) -> !(rs.address().getHostAddress().equals("172.16.0.20") && rs.port() == 8082));

        assertEquals(dumpsBefore, kernel.dumps());
        assertEquals(List.of("delete TCP 10.1.0.20:80 -> 172.16.0.20:8082"), kernel.log());
    }

    /** SERVICES virtual servers 10.1.0.n:80, each with four NAT real servers 172.16.0.n:8080-8083. */
    private static List<VirtualServer> table() {
        List<VirtualServer> table = new ArrayList<>();
        for (int n = 0; n < SERVICES; n++) {
            table.add(virtual("10.1.0." + n, 80, Scheduler.RR, reals(n, 1)));
        }
        return table;
    }

    private static RealServer[] reals(int n, int firstWeight) {
        return new RealServer[] {real("172.16.0." + n, 8080, firstWeight), real("172.16.0." + n, 8081, 1),
                real("172.16.0." + n, 8082, 1), real("172.16.0." + n, 8083, 1)};
    }

    private static RealServer[] append(RealServer[] reals, RealServer... more) {
        List<RealServer> all = new ArrayList<>(List.of(reals));
        all.addAll(List.of(more));
        return all.toArray(RealServer[]::new);
    }

    private static IpvsKey key(String vip) {
        return new IpvsKey.Address(Protocol.TCP, Lvs.ip(vip), 80);
    }

    private LvsTableReconciler.Outcome apply(List<VirtualServer> virtualServers) {
        return reconciler.apply(new LvsConfig(List.copyOf(virtualServers), List.of()), LvsTimeouts.UNCHANGED);
    }
}
