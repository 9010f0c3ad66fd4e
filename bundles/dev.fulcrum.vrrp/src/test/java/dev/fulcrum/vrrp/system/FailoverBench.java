package dev.fulcrum.vrrp.system;

import static dev.fulcrum.vrrp.system.VrrpLan.VIP;
import static dev.fulcrum.vrrp.system.VrrpLan.await;

import dev.fulcrum.vrrp.fsm.VrrpState;
import dev.fulcrum.vrrp.runtime.VrrpEngine;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * scripts/bench-failover: time from the master's crash (Fulcrum: the engine stops without
 * resigning; keepalived: SIGSTOP then SIGKILL of its processes) or graceful stop (priority 0) until
 * the kernel announces the VIP on the backup's interface (an RTM_NEWADDR, see {@link AddressWatch}),
 * then checked with a ping from the client. Fulcrum against Fulcrum and keepalived against
 * keepalived with the same keepalived.conf; the ratio is Fulcrum / keepalived, measured in the same
 * run. The master is stopped on a thread of its own, so the clock never waits for the stopping side
 * to finish closing its sockets (Fulcrum's close joins its reader threads; killing keepalived polls
 * until it is gone).
 */
public final class FailoverBench {

    /** One row of the table: the master's and the backup's priority set the backup's skew time. */
    private record Scenario(String name, int version, String interval, boolean crash, int masterPriority,
            int backupPriority) {
    }

    private static final List<Scenario> SCENARIOS = List.of(
            new Scenario("crash v2 advert_int 1", 2, "1", true, 200, 100),
            new Scenario("crash v3 advert_int 0.1", 3, "0.1", true, 200, 100),
            new Scenario("graceful v2 advert_int 1", 2, "1", false, 200, 100),
            new Scenario("graceful v3 advert_int 0.1", 3, "0.1", false, 200, 100),
            // RFC 5798 section 6.1: Skew_Time = (256 - 250) * 100 ms / 256 = 2.3 ms, against 60.9 ms at priority 100
            new Scenario("graceful v3 advert_int 0.1 backup priority 250", 3, "0.1", false, 254, 250));

    private interface Peer {
        void start(VrrpLan lan, int host, String config) throws Exception;

        boolean master(VrrpLan lan, int host) throws Exception;

        void crash() throws Exception;

        /** Graceful: the master resigns with priority 0. */
        void resign() throws Exception;

        void stop() throws Exception;
    }

    private static final class Fulcrum implements Peer {
        private final List<VrrpEngine> engines = new ArrayList<>();
        private VrrpEngine first;

        @Override
        public void start(VrrpLan lan, int host, String config) throws Exception {
            VrrpEngine engine = lan.startFulcrum(host, config);
            engines.add(engine);
            if (first == null) {
                first = engine;
            }
        }

        @Override
        public boolean master(VrrpLan lan, int host) {
            return first.states().get("VI_1") == VrrpState.MASTER;
        }

        @Override
        public void crash() {
            first.abort();
        }

        @Override
        public void resign() {
            long start = System.nanoTime();
            first.close();
            // What the old benchmark waited for before it started polling: close() joins the reader and link threads.
            System.err.printf("Fulcrum close() returned after %.0f ms%n", (System.nanoTime() - start) / 1e6);
        }

        @Override
        public void stop() {
            engines.forEach(VrrpEngine::close);
        }
    }

    private static final class Keepalived implements Peer {
        private final List<Process> processes = new ArrayList<>();
        private VrrpLan lan;

        @Override
        public void start(VrrpLan lan, int host, String config) throws Exception {
            this.lan = lan;
            processes.add(lan.startKeepalived(host, config));
        }

        @Override
        public boolean master(VrrpLan lan, int host) throws Exception {
            return lan.holds(host, VIP);
        }

        @Override
        public void crash() throws Exception {
            lan.crashKeepalived(processes.get(0));
        }

        @Override
        public void resign() throws Exception {
            processes.get(0).destroy(); // SIGTERM
        }

        @Override
        public void stop() throws Exception {
            for (Process process : processes) {
                process.destroy();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** {@code [RUNS [NAME-FILTER]]}: 5 runs of every scenario by default; a filter keeps names containing it. */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String filter = args.length > 1 ? args[1] : "";
        Path directory = Files.createTempDirectory("bench-failover");
        System.out.println("| scenario | Fulcrum median ms | keepalived median ms | ratio |");
        System.out.println("|---|---|---|---|");
        for (Scenario scenario : SCENARIOS) {
            if (!scenario.name().contains(filter)) {
                continue;
            }
            double fulcrum = median(runs, directory, Fulcrum::new, scenario);
            double keepalived = median(runs, directory, Keepalived::new, scenario);
            System.out.printf("| %s | %.0f | %.0f | %.2f |%n", scenario.name(), fulcrum, keepalived,
                    fulcrum / keepalived);
        }
        System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private static double median(int runs, Path directory, Supplier<Peer> peers, Scenario scenario)
            throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            millis.add(once(directory, peers.get(), scenario));
        }
        Collections.sort(millis);
        System.err.println(scenario.name() + ": " + millis);
        return millis.get(millis.size() / 2);
    }

    private static double once(Path directory, Peer peer, Scenario scenario) throws Exception {
        String master = FulcrumKeepalivedTest.conf("MASTER", scenario.masterPriority(), scenario.version(), "")
                .replace("advert_int 1", "advert_int " + scenario.interval());
        String backup = master.replace("state MASTER", "state BACKUP")
                .replace("priority " + scenario.masterPriority(), "priority " + scenario.backupPriority());
        try (VrrpLan lan = VrrpLan.create(directory)) {
            peer.start(lan, 1, master);
            await("the master", () -> peer.master(lan, 1) && lan.holds(1, VIP));
            peer.start(lan, 2, backup);
            // the backup settles
            TimeUnit.MILLISECONDS.sleep(Math.round(Double.parseDouble(scenario.interval()) * 4000));
            OptionalLong added;
            long start;
            try (AddressWatch watch = AddressWatch.open(lan.host(2).name())) {
                Thread stopping = new Thread(() -> stopMaster(peer, scenario.crash()), "bench-stop-master");
                start = System.nanoTime();
                stopping.start();
                added = watch.awaitAdded(InetAddress.getByName(VIP), Duration.ofSeconds(20));
                stopping.join();
            }
            if (added.isEmpty()) {
                throw new IllegalStateException("the backup did not take over within 20 s");
            }
            if (scenario.crash()) {
                lan.host(1).exec("ip", "address", "del", VIP + "/24", "dev", "e0");
            }
            await("the VIP to answer from the backup", () -> lan.clientPings(VIP));
            peer.stop();
            return (added.getAsLong() - start) / 1e6;
        }
    }

    private static void stopMaster(Peer peer, boolean crash) {
        try {
            if (crash) {
                peer.crash();
            } else {
                peer.resign();
            }
        } catch (Exception e) {
            throw new IllegalStateException("stopping the master failed: " + e, e);
        }
    }
}
