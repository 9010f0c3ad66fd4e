package dev.fulcrum.ipvs.internal;

import static dev.fulcrum.ipvs.internal.GuestTableCheck.ip;
import static dev.fulcrum.ipvs.internal.GuestTableCheck.real;
import static dev.fulcrum.ipvs.internal.GuestTableCheck.revision;
import static dev.fulcrum.ipvs.internal.GuestTableCheck.sh;
import static dev.fulcrum.ipvs.internal.GuestTableCheck.vs;

import dev.fulcrum.api.model.lvs.ForwardingMethod;
import dev.fulcrum.api.model.lvs.Protocol;
import dev.fulcrum.api.model.lvs.RealServer;
import dev.fulcrum.api.model.lvs.Scheduler;
import dev.fulcrum.api.model.lvs.SchedulerFlags;
import dev.fulcrum.api.model.lvs.ServiceKey;
import dev.fulcrum.api.model.lvs.VirtualServer;
import dev.fulcrum.ipvs.IpvsClient;
import dev.fulcrum.ipvs.IpvsDestination;
import dev.fulcrum.ipvs.IpvsForwarding;
import dev.fulcrum.ipvs.IpvsKey;
import dev.fulcrum.ipvs.IpvsService;
import dev.fulcrum.netlink.NetlinkProtocol;
import dev.fulcrum.netlink.internal.JnaNetlinkConnector;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IPVS benchmark, run by {@code scripts/bench-ipvs} inside the kernel rig's guest: N services
 * (default 10,000) x 4 NAT destinations applied from an empty table, then a 1% change on top (a
 * quarter of it scheduler edits, weight edits, destination swaps, service replacements), once by
 * Fulcrum's reconciler and once by {@code ipvsadm -R} (the full table as a restore file, the change as
 * a restore of the delta commands -E/-e/-a/-d/-D/-A) in the same run, alternating which goes first,
 * median of R rounds (default 3). Both end states must be the same table. Each Fulcrum reconcile is
 * broken down (desired table, plan, netlink exchange, the rest; GC and JIT compiler time meanwhile),
 * ipvsadm's fixed cost is shown by an empty restore, and at the end 25 changes of each kind are sent
 * alone by both, which shows what the kernel itself costs (a scheduler edit waits for an RCU grace
 * period in ip_vs_edit_service, the other kinds do not).
 */
public final class GuestIpvsBench {

    /** One service of the benchmark table: its number, scheduler and destination ports/weights. */
    record Service(int n, Scheduler scheduler, List<int[]> destinations) {
        String vip() {
            return "10.1." + n / 250 + "." + (n % 250 + 1) + ":80";
        }

        String realAddress() {
            return "172.16." + n / 250 + "." + (n % 250 + 1);
        }

        VirtualServer model() {
            List<RealServer> reals = destinations.stream().map(d -> real(realAddress(), d[0], d[1])).toList();
            return vs(new ServiceKey.Address(ip("10.1." + n / 250 + "." + (n % 250 + 1)), 80), scheduler,
                    ForwardingMethod.NAT, Protocol.TCP, Optional.empty(), SchedulerFlags.NONE, reals.toArray(RealServer[]::new));
        }

        /** ipvsadm restore lines creating this service and its destinations. */
        List<String> restore() {
            List<String> lines = new ArrayList<>();
            lines.add("-A -t " + vip() + " -s " + scheduler.name().toLowerCase());
            destinations.forEach(d -> lines.add(addDestination(d)));
            return lines;
        }

        /** The same service numbered {@code by} further on: a VIP no table of the run has when {@code by} >= 2 x count. */
        Service shifted(int by) {
            return new Service(n + by, scheduler, destinations);
        }

        String addDestination(int[] d) {
            return "-a -t " + vip() + " -r " + realAddress() + ":" + d[0] + " -m -w " + d[1];
        }
    }

    private GuestIpvsBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Service> before = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            before.add(new Service(n, Scheduler.RR, List.of(new int[] {8080, 1}, new int[] {8081, 1}, new int[] {8082, 1},
                    new int[] {8083, 1})));
        }
        List<Service> after = new ArrayList<>(before);
        List<String> delta = new ArrayList<>();
        int quarter = Math.max(1, count / 400); // 1% of the services, in four kinds of change
        for (int i = 0; i < quarter; i++) {
            Service edited = new Service(i, Scheduler.WRR, before.get(i).destinations());
            after.set(i, edited);
            delta.add("-E -t " + edited.vip() + " -s wrr");
            Service weighted = before.get(quarter + i);
            after.set(quarter + i, new Service(weighted.n(), Scheduler.RR, List.of(new int[] {8080, 5},
                    new int[] {8081, 1}, new int[] {8082, 1}, new int[] {8083, 1})));
            delta.add("-e -t " + weighted.vip() + " -r " + weighted.realAddress() + ":8080 -m -w 5");
            Service swapped = before.get(2 * quarter + i);
            int[] added = {8084, 1};
            after.set(2 * quarter + i, new Service(swapped.n(), Scheduler.RR, List.of(new int[] {8080, 1},
                    new int[] {8081, 1}, new int[] {8082, 1}, added)));
            delta.add("-a -t " + swapped.vip() + " -r " + swapped.realAddress() + ":8084 -m -w 1");
            delta.add("-d -t " + swapped.vip() + " -r " + swapped.realAddress() + ":8083");
            Service replaced = before.get(3 * quarter + i);
            Service fresh = new Service(count + i, Scheduler.RR, replaced.destinations());
            after.set(3 * quarter + i, fresh);
            delta.add("-D -t " + replaced.vip());
            delta.addAll(fresh.restore());
        }
        Path full = Files.write(Path.of("/tmp/bench-full.restore"), before.stream().flatMap(s -> s.restore().stream()).toList());
        Path change = Files.write(Path.of("/tmp/bench-delta.restore"), delta);
        VirtualServer[] beforeModel = before.stream().map(Service::model).toArray(VirtualServer[]::new);
        VirtualServer[] afterModel = after.stream().map(Service::model).toArray(VirtualServer[]::new);
        System.out.println("JVM: " + Runtime.version() + ", collectors " + ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList() + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB");
        System.out.printf("table: %d services x 4 destinations (%d restore lines); change: %d services, %d restore lines%n",
                count, Files.readAllLines(full).size(), 4 * quarter, delta.size());

        long[][] fulcrum = new long[2][rounds];
        long[][] ipvsadm = new long[2][rounds];
        String fulcrumEnd = "";
        String ipvsadmEnd = "";
        for (int round = 0; round < rounds; round++) {
            for (int turn = 0; turn < 2; turn++) {
                sh("ipvsadm -C");
                if ((round + turn) % 2 == 0) {
                    IpvsSubsystem subsystem = new IpvsSubsystem(() -> new JnaNetlinkConnector().open(NetlinkProtocol.GENERIC),
                            System.out::println, false);
                    Phases fromEmpty = new Phases();
                    subsystem.phaseTimes(fromEmpty);
                    fulcrum[0][round] = timed(() -> require(subsystem.reconcile(revision(1, beforeModel)).isApplied()));
                    Phases changePhases = new Phases();
                    subsystem.phaseTimes(changePhases);
                    fulcrum[1][round] = timed(() -> require(subsystem.reconcile(revision(2, afterModel)).isApplied()));
                    subsystem.deactivate();
                    System.out.println("  Fulcrum from empty: " + fromEmpty.describe(fulcrum[0][round]));
                    System.out.println("  Fulcrum 1% change:  " + changePhases.describe(fulcrum[1][round]));
                    fulcrumEnd = saved();
                } else {
                    ipvsadm[0][round] = timed(() -> restore(full));
                    ipvsadm[1][round] = timed(() -> restore(change));
                    ipvsadmEnd = saved();
                    System.out.printf("  ipvsadm -R of an empty file (its fixed cost): %d ms%n",
                            timed(() -> restore(Path.of("/dev/null"))) / 1_000_000);
                }
            }
            System.out.printf("round %d: Fulcrum %d + %d ms, ipvsadm -R %d + %d ms%n", round + 1, fulcrum[0][round] / 1_000_000,
                    fulcrum[1][round] / 1_000_000, ipvsadm[0][round] / 1_000_000, ipvsadm[1][round] / 1_000_000);
        }
        perKind(after.subList(0, quarter), count);
        sh("ipvsadm -C");
        boolean same = fulcrumEnd.equals(ipvsadmEnd) && fulcrumEnd.lines().count() > count;
        System.out.println("end states identical (ipvsadm -S -n, sorted): " + same);
        System.out.println("| step | Fulcrum (median of " + rounds + ") | ipvsadm -R (median) | ratio Fulcrum/ipvsadm |");
        System.out.println("|---|---|---|---|");
        String[] steps = {count + " x 4 from empty", "1% change on top"};
        for (int step = 0; step < 2; step++) {
            double ours = median(fulcrum[step]) / 1e6;
            double theirs = median(ipvsadm[step]) / 1e6;
            System.out.printf("| %s | %.0f ms | %.0f ms | %.2fx |%n", steps[step], ours, theirs, ours / theirs);
        }
        System.out.println("guest load average: " + Files.readString(Path.of("/proc/loadavg")).trim());
        System.exit(same ? 0 : 1);
    }

    /**
     * One batch of each kind of change on {@code services} (of the table as the change left it), by
     * Fulcrum's client (one batch each, as the reconciler sends them) and by ipvsadm -R (the same
     * kind of command for each), to see which kind costs what in the kernel and around it. VIPs stay
     * in 10.1.0.0/16 while 4 x count services fit (count up to 16,000).
     */
    private static void perKind(List<Service> services, int count) throws Exception {
        try (var connection = new JnaNetlinkConnector().open(NetlinkProtocol.GENERIC)) {
            IpvsClient client = IpvsClient.open(connection);
            System.out.println("per kind of change, " + services.size() + " changes each: Fulcrum's batch vs ipvsadm -R");
            kind("edit service (scheduler)", services, client,
                    (batch, s) -> batch.editService(ipvsService(s, "rr")), s -> "-E -t " + s.vip() + " -s wrr");
            kind("edit destination (weight)", services, client,
                    (batch, s) -> batch.editDestination(key(s), destination(s, 8080, 7)),
                    s -> "-e -t " + s.vip() + " -r " + s.realAddress() + ":8080 -m -w 5");
            kind("add destination", services, client, (batch, s) -> batch.addDestination(key(s), destination(s, 8090, 1)),
                    s -> s.addDestination(new int[] {8091, 1}));
            kind("delete destination", services, client,
                    (batch, s) -> batch.deleteDestination(key(s), destination(s, 8090, 1)),
                    s -> "-d -t " + s.vip() + " -r " + s.realAddress() + ":8091");
            kind("add service", services, client, (batch, s) -> batch.addService(ipvsService(s.shifted(2 * count), "rr")),
                    s -> "-A -t " + s.shifted(3 * count).vip() + " -s rr");
            kind("delete service", services, client, (batch, s) -> batch.deleteService(key(s.shifted(2 * count))),
                    s -> "-D -t " + s.shifted(3 * count).vip());
        }
    }

    private static void kind(String name, List<Service> services, IpvsClient client,
            java.util.function.BiConsumer<IpvsClient.Batch, Service> fulcrum,
            java.util.function.Function<Service, String> ipvsadm) throws Exception {
        IpvsClient.Batch batch = client.batch();
        services.forEach(s -> fulcrum.accept(batch, s));
        long ours = timed(() -> require(batch.send().stream().allMatch(Optional::isEmpty)));
        Path lines = Files.write(Path.of("/tmp/bench-kind.restore"), services.stream().map(ipvsadm).toList());
        long theirs = timed(() -> restore(lines));
        System.out.printf("  %-26s Fulcrum %6.1f ms, ipvsadm -R %6.1f ms%n", name, ours / 1e6, theirs / 1e6);
    }

    private static IpvsKey key(Service s) {
        return new IpvsKey.Address(Protocol.TCP, ip(s.vip().replace(":80", "")), 80);
    }

    private static IpvsService ipvsService(Service s, String scheduler) {
        IpvsKey key = key(s);
        return new IpvsService(key, scheduler, 0, 0, IpvsService.fullNetmask(key), Optional.empty(), Optional.empty());
    }

    private static IpvsDestination destination(Service s, int port, int weight) {
        return IpvsDestination.of(ip(s.realAddress()), port, IpvsForwarding.MASQ, weight);
    }

    /** The reconciler's phase times of one reconcile, in the order reported, and the JVM's GC and JIT work meanwhile. */
    private static final class Phases implements LvsTableReconciler.PhaseTimes {
        private final Map<String, Long> nanos = new LinkedHashMap<>();
        private final long gcCountBefore = gcCount();
        private final long gcMillisBefore = gcMillis();
        private final long jitMillisBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();

        @Override
        public void took(String phase, long time) {
            nanos.merge(phase, time, Long::sum);
        }

        /** "desired table 12 ms, plan 3 ms, ..., rest of the reconcile 5 ms" against the reconcile's total. */
        String describe(long total) {
            StringBuilder text = new StringBuilder();
            long rest = total;
            for (Map.Entry<String, Long> phase : nanos.entrySet()) {
                text.append(phase.getKey()).append(' ').append(phase.getValue() / 1_000_000).append(" ms, ");
                rest -= phase.getValue();
            }
            return text.append("rest of the reconcile ").append(rest / 1_000_000).append(" ms; meanwhile ")
                    .append(gcCount() - gcCountBefore).append(" GCs taking ").append(gcMillis() - gcMillisBefore)
                    .append(" ms, JIT compiler threads busy ")
                    .append(ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitMillisBefore)
                    .append(" ms").toString();
        }

        private static long gcCount() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
        }

        private static long gcMillis() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static long timed(Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        return System.nanoTime() - start;
    }

    private static void require(boolean applied) {
        if (!applied) {
            throw new IllegalStateException("Fulcrum's reconcile did not apply");
        }
    }

    private static void restore(Path file) throws Exception {
        Process p = new ProcessBuilder("ipvsadm", "-R").redirectInput(file.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("ipvsadm -R " + file + " failed: " + out);
        }
    }

    /** The table as {@code ipvsadm -S -n}, lines sorted (the listing order follows the kernel's hash). */
    private static String saved() throws Exception {
        return String.join("\n", sh("ipvsadm -S -n").lines().sorted().toList());
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
