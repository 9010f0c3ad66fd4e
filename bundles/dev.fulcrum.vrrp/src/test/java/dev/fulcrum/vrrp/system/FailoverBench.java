package dev.fulcrum.vrrp.system;

import static dev.fulcrum.vrrp.system.VrrpLan.VIP;
import static dev.fulcrum.vrrp.system.VrrpLan.await;

import dev.fulcrum.vrrp.fsm.VrrpState;
import dev.fulcrum.vrrp.runtime.VrrpEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * scripts/bench-failover: time from the master's crash (Fulcrum: the engine stops without
 * resigning; keepalived: SIGSTOP then SIGKILL of its processes) or graceful stop (priority 0) until
 * the VIP is on the backup's interface, polled every 5 ms, then checked with a ping from the
 * client. Fulcrum against Fulcrum and keepalived against keepalived with the same keepalived.conf;
 * the ratio is Fulcrum / keepalived, measured in the same run.
 */
public final class FailoverBench {

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
            first.close();
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

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path directory = Files.createTempDirectory("bench-failover");
        System.out.println("| scenario | Fulcrum median ms | keepalived median ms | ratio |");
        System.out.println("|---|---|---|---|");
        for (String[] scenario : new String[][] {{"crash v2 advert_int 1", "2", "1", "crash"},
                {"crash v3 advert_int 0.1", "3", "0.1", "crash"}, {"graceful v2 advert_int 1", "2", "1", "stop"},
                {"graceful v3 advert_int 0.1", "3", "0.1", "stop"}}) {
            double fulcrum = median(runs, directory, Fulcrum::new, scenario);
            double keepalived = median(runs, directory, Keepalived::new, scenario);
            System.out.printf("| %s | %.0f | %.0f | %.2f |%n", scenario[0], fulcrum, keepalived, fulcrum / keepalived);
        }
        System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private static double median(int runs, Path directory, Supplier<Peer> peers, String[] scenario)
            throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            millis.add(once(directory, peers.get(), scenario[1], scenario[2], scenario[3].equals("crash")));
        }
        Collections.sort(millis);
        return millis.get(millis.size() / 2);
    }

    private static double once(Path directory, Peer peer, String version, String interval, boolean crash)
            throws Exception {
        String master = FulcrumKeepalivedTest.conf("MASTER", 200, Integer.parseInt(version), "")
                .replace("advert_int 1", "advert_int " + interval);
        String backup = master.replace("state MASTER", "state BACKUP").replace("priority 200", "priority 100");
        try (VrrpLan lan = VrrpLan.create(directory)) {
            peer.start(lan, 1, master);
            await("the master", () -> peer.master(lan, 1) && lan.holds(1, VIP));
            peer.start(lan, 2, backup);
            TimeUnit.MILLISECONDS.sleep(Math.round(Double.parseDouble(interval) * 4000)); // the backup settles
            long start = System.nanoTime();
            if (crash) {
                peer.crash();
            } else {
                peer.resign();
            }
            long deadline = start + TimeUnit.SECONDS.toNanos(20);
            while (!lan.holds(2, VIP)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the backup did not take over within 20 s");
                }
                TimeUnit.MILLISECONDS.sleep(5);
            }
            double elapsed = (System.nanoTime() - start) / 1e6;
            if (crash) {
                lan.host(1).exec("ip", "address", "del", VIP + "/24", "dev", "e0");
            }
            await("the VIP to answer from the backup", () -> lan.clientPings(VIP));
            peer.stop();
            return elapsed;
        }
    }
}
