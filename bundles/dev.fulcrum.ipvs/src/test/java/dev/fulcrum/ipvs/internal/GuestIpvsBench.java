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
import dev.fulcrum.netlink.NetlinkProtocol;
import dev.fulcrum.netlink.internal.JnaNetlinkConnector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The IPVS benchmark, run by {@code scripts/bench-ipvs} inside the kernel rig's guest: N services
 * (default 10,000) x 4 NAT destinations applied from an empty table, then a 1% change on top (a
 * quarter of it scheduler edits, weight edits, destination swaps, service replacements), once by
 * Fulcrum's reconciler and once by {@code ipvsadm -R} (the full table as a restore file, the change as
 * a restore of the delta commands -E/-e/-a/-d/-D/-A) in the same run, alternating which goes first,
 * median of R rounds (default 3). Both end states must be the same table.
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
                    fulcrum[0][round] = timed(() -> require(subsystem.reconcile(revision(1, beforeModel)).isApplied()));
                    fulcrum[1][round] = timed(() -> require(subsystem.reconcile(revision(2, afterModel)).isApplied()));
                    subsystem.deactivate();
                    fulcrumEnd = saved();
                } else {
                    ipvsadm[0][round] = timed(() -> restore(full));
                    ipvsadm[1][round] = timed(() -> restore(change));
                    ipvsadmEnd = saved();
                }
            }
            System.out.printf("round %d: Fulcrum %d + %d ms, ipvsadm -R %d + %d ms%n", round + 1, fulcrum[0][round] / 1_000_000,
                    fulcrum[1][round] / 1_000_000, ipvsadm[0][round] / 1_000_000, ipvsadm[1][round] / 1_000_000);
        }
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
