package dev.fulcrum.ipvs.internal;

import static dev.fulcrum.ipvs.internal.GuestTableCheck.sh;

import dev.fulcrum.api.model.DesiredState;
import dev.fulcrum.api.reconcile.Revision;
import dev.fulcrum.config.keepalived.model.KeepalivedConfig;
import dev.fulcrum.config.keepalived.model.KeepalivedConfigs;
import dev.fulcrum.health.internal.HealthServiceImpl;
import dev.fulcrum.netlink.NetlinkProtocol;
import dev.fulcrum.netlink.internal.JnaNetlinkConnector;
import dev.fulcrum.os.internal.OsProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * keepalived.conf(5) MISC_CHECK {@code misc_dynamic}, keepalived against Fulcrum, a step of
 * {@link GuestKeepalivedInterop}'s boot: one keepalived.conf (weight 3; a real server with one dynamic
 * checker, one with two, one with {@code inhibit_on_failure}; and a virtual server with {@code quorum 5}
 * and a sorry server whose one real server loses and regains the quorum with the weight its script
 * asks for) and one sequence of exit statuses, first
 * under real keepalived's checker, then under Fulcrum's IPVS subsystem with its real HealthService;
 * {@code ipvsadm -Ln} after each step must be the same. A step's listing is taken once every script
 * has started three times since its status was written: the second run read the new status, and
 * its verdict was handled before the third was scheduled.
 */
final class GuestMiscDynamicInterop {

    private static final Path CONF = Path.of("/tmp/misc-dynamic.conf");
    private static final List<String> SCRIPTS = List.of("A", "D1", "D2", "E", "Q");
    private static final long WAIT_MILLIS = 60_000;

    /** Exit statuses per step; scripts not named keep theirs. */
    private static final List<Map<String, Integer>> STEPS = List.of(
            Map.of("A", 0, "D1", 0, "D2", 0, "E", 0, "Q", 0),
            Map.of("A", 7, "D1", 7, "D2", 12, "E", 7, "Q", 3),
            Map.of("A", 0, "D1", 2, "E", 1, "Q", 9),
            Map.of("A", 1, "D2", 0, "E", 12, "Q", 8),
            Map.of("A", 9, "D2", 2),
            Map.of("A", 0, "D1", 0, "D2", 0, "E", 0, "Q", 0));

    private GuestMiscDynamicInterop() {
    }

    /** @return the number of failed checks */
    static int compare() throws Exception {
        sh("ip link add mdyn type dummy && ip link set mdyn up && for n in 2 3 4 5; do ip addr add 10.3.0.$n/32 dev mdyn; done");
        for (String script : SCRIPTS) {
            Path path = Path.of("/tmp/mdyn-" + script);
            Files.writeString(path, "#!/bin/sh\necho ran >> " + path + ".runs\nexit $(cat " + path + ".status)\n");
            path.toFile().setExecutable(true);
        }
        Files.writeString(CONF, conf());
        exits(STEPS.get(0)); // both start with every script passing
        List<String> keepalived = keepalivedSteps();
        sh("ipvsadm -C");
        exits(STEPS.get(0));
        List<String> fulcrum = fulcrumSteps();
        sh("ipvsadm -C; ip link del mdyn");
        int failures = 0;
        for (int i = 0; i < STEPS.size(); i++) {
            // the kernel lists a service's destinations in the order they were added: which checker of two
            // servers noticed first may differ between the two runs, the weights may not
            boolean same = sorted(keepalived.get(i)).equals(sorted(fulcrum.get(i)));
            System.out.println((same ? "CHECK ok   " : "CHECK FAIL ") + "misc_dynamic step " + i + " " + STEPS.get(i)
                    + ": ipvsadm -Ln after keepalived == after Fulcrum");
            System.out.print("--- keepalived\n" + keepalived.get(i) + (same ? "" : "--- Fulcrum\n" + fulcrum.get(i)));
            failures += same ? 0 : 1;
        }
        return failures;
    }

    private static List<String> sorted(String listing) {
        return listing.lines().sorted().toList();
    }

    private static List<String> keepalivedSteps() throws Exception {
        Process keepalived = new ProcessBuilder("keepalived", "-n", "-l", "-D", "-C", "-f", CONF.toString(),
                "-p", "/tmp/mdyn.pid", "-c", "/tmp/mdyn-checkers.pid").redirectErrorStream(true)
                .redirectOutput(Path.of("/tmp/mdyn-keepalived.log").toFile()).start();
        try {
            return steps();
        } finally {
            keepalived.destroy();
            keepalived.waitFor();
            System.out.print(Files.readString(Path.of("/tmp/mdyn-keepalived.log")).lines()
                    .filter(l -> l.contains("weight") || l.contains("service [")).map(l -> "keepalived: " + l + "\n")
                    .reduce("", String::concat));
        }
    }

    private static List<String> fulcrumSteps() throws Exception {
        KeepalivedConfig config = KeepalivedConfigs.read(CONF, Set.of(), false);
        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        IpvsSubsystem subsystem = new IpvsSubsystem(() -> new JnaNetlinkConnector().open(NetlinkProtocol.GENERIC), log::add,
                false);
        HealthServiceImpl health = new HealthServiceImpl(new OsProcessRunner(), null);
        subsystem.setHealthService(health);
        try {
            DesiredState state = DesiredState.EMPTY.withKeepalived(config.global(), config.vrrp(), config.lvs());
            if (!subsystem.reconcile(new Revision(1, state, Instant.now(), CONF.toString())).isApplied()) {
                throw new IllegalStateException("Fulcrum did not apply " + CONF);
            }
            return steps();
        } finally {
            subsystem.unsetHealthService(health);
            subsystem.deactivate();
            log.forEach(l -> System.out.println("fulcrum: " + l));
        }
    }

    /** Runs every step against whatever checks the scripts now; the listing after each. */
    private static List<String> steps() throws Exception {
        List<String> listings = new ArrayList<>();
        for (Map<String, Integer> step : STEPS) {
            exits(step);
            long deadline = System.currentTimeMillis() + WAIT_MILLIS;
            while (System.currentTimeMillis() < deadline && !SCRIPTS.stream().allMatch(GuestMiscDynamicInterop::ranThrice)) {
                Thread.sleep(100); // polling real checkers' progress, not a timer of our own
            }
            listings.add(sh("ipvsadm -Ln"));
        }
        return listings;
    }

    /** Writes the statuses (renamed into place) and resets every script's run count. */
    private static void exits(Map<String, Integer> statuses) throws Exception {
        for (Map.Entry<String, Integer> entry : statuses.entrySet()) {
            Path status = Path.of("/tmp/mdyn-" + entry.getKey() + ".status");
            Path next = Files.writeString(Path.of(status + ".next"), entry.getValue() + "\n");
            Files.move(next, status, StandardCopyOption.ATOMIC_MOVE);
        }
        for (String script : SCRIPTS) {
            Files.deleteIfExists(Path.of("/tmp/mdyn-" + script + ".runs"));
        }
    }

    private static boolean ranThrice(String script) {
        try {
            Path runs = Path.of("/tmp/mdyn-" + script + ".runs");
            return Files.exists(runs) && Files.readAllLines(runs).size() >= 3;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String conf() {
        StringBuilder conf = new StringBuilder("virtual_server 10.0.0.5 80 {\n  delay_loop 1\n  lb_algo wrr\n  lb_kind NAT\n"
                + "  protocol TCP\n");
        realServer(conf, "10.3.0.2", 3, false, "A");
        realServer(conf, "10.3.0.3", 3, false, "D1", "D2");
        realServer(conf, "10.3.0.4", 3, true, "E");
        // quorum 5 with a sorry server: the dynamic weight decides whether the real server has the quorum.
        // It starts at the quorum (weight 5) and ends there: keepalived 2.2.7 judges the quorum neither at
        // start nor when exit 0 takes a weight back (seen here with weight 3), Fulcrum does both.
        conf.append("}\nvirtual_server 10.0.0.6 80 {\n  delay_loop 1\n  lb_algo wrr\n  lb_kind NAT\n  protocol TCP\n"
                + "  quorum 5\n  sorry_server 10.3.0.9 8080\n");
        realServer(conf, "10.3.0.5", 5, false, "Q");
        return conf.append("}\n").toString();
    }

    private static void realServer(StringBuilder conf, String address, int weight, boolean inhibit, String... scripts) {
        conf.append("  real_server ").append(address).append(" 8080 {\n    weight ").append(weight).append("\n");
        if (inhibit) {
            conf.append("    inhibit_on_failure\n");
        }
        for (String script : scripts) {
            conf.append("    MISC_CHECK {\n      misc_path /tmp/mdyn-").append(script)
                    .append("\n      misc_timeout 20\n      misc_dynamic\n      retry 0\n    }\n");
        }
        conf.append("  }\n");
    }
}
