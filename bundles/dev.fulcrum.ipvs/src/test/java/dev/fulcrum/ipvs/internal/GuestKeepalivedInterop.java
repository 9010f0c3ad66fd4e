package dev.fulcrum.ipvs.internal;

import static dev.fulcrum.ipvs.internal.GuestTableCheck.sh;

import dev.fulcrum.api.model.DesiredState;
import dev.fulcrum.api.model.lvs.VirtualServer;
import dev.fulcrum.api.reconcile.Revision;
import dev.fulcrum.config.keepalived.model.KeepalivedConfig;
import dev.fulcrum.config.keepalived.model.KeepalivedConfigs;
import dev.fulcrum.netlink.NetlinkProtocol;
import dev.fulcrum.netlink.internal.JnaNetlinkConnector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * The interop check, run by {@code src/test/guest/interop-check.sh} inside the kernel rig's guest:
 * for each keepalived.conf given, real keepalived (checker process only, {@code -C}) programs the
 * IPVS table, {@code ipvsadm -Ln} is captured, keepalived is stopped and the table cleared; then
 * Fulcrum applies the same file (KeepalivedConfigs → DesiredState → the IPVS subsystem) and
 * {@code ipvsadm -Ln} must print the identical text.
 *
 * <p>So that keepalived's TCP_CHECKs pass and the comparison is deterministic, every real server
 * address is put on a dummy interface and one listener answers on port 80 of all of them; keepalived's
 * table is captured only once its checkers have connected at least once per real server (each
 * connection appends to a hit file) and the listing is complete. Comparing "right after start" would
 * race the first checks; {@code inhibit_on_failure} would change the files under test.
 */
public final class GuestKeepalivedInterop {
    private static final Path HITS = Path.of("/tmp/interop-hits");
    private static final long WAIT_MILLIS = 90_000;

    private GuestKeepalivedInterop() {
    }

    public static void main(String[] files) throws Exception {
        Set<String> addresses = new TreeSet<>();
        for (String file : files) {
            for (VirtualServer vs : read(file).lvs().virtualServers()) {
                vs.realServers().forEach(r -> addresses.add(r.address().getHostAddress()));
            }
        }
        sh("ip link set lo up && ip link add rs type dummy && ip link set rs up");
        for (String address : addresses) {
            sh("ip addr add " + address + "/32 dev rs");
        }
        Path hit = Files.writeString(Path.of("/tmp/interop-hit"), "#!/bin/sh\necho hit >> " + HITS + "\n");
        hit.toFile().setExecutable(true);
        Process listener = new ProcessBuilder("/bin/busybox", "nc", "-ll", "-p", "80", "-e", hit.toString())
                .redirectErrorStream(true).start();
        int failures = 0;
        try {
            for (String file : files) {
                failures += compare(file);
            }
            failures += GuestMiscDynamicInterop.compare();
        } finally {
            listener.destroy();
        }
        System.out.println(failures == 0 ? "ALL CHECKS PASSED" : failures + " CHECKS FAILED");
        System.exit(failures == 0 ? 0 : 1);
    }

    /** One file through keepalived, then through Fulcrum; the number of failed checks. */
    private static int compare(String file) throws Exception {
        KeepalivedConfig config = read(file);
        int reals = config.lvs().virtualServers().stream().mapToInt(vs -> vs.realServers().size()).sum();
        String keepalived = keepalivedTable(file, reals);
        sh("ipvsadm -C");
        IpvsSubsystem subsystem = new IpvsSubsystem(() -> new JnaNetlinkConnector().open(NetlinkProtocol.GENERIC),
                System.out::println, false);
        int failures = 0;
        try {
            DesiredState state = DesiredState.EMPTY.withKeepalived(config.global(), config.vrrp(), config.lvs());
            boolean applied = subsystem.reconcile(new Revision(1, state, Instant.now(), file)).isApplied();
            String fulcrum = sh("ipvsadm -Ln");
            failures += check(file + ": Fulcrum applied it", applied);
            failures += check(file + ": keepalived's table has all " + reals + " real servers", destinations(keepalived) == reals);
            failures += check(file + ": ipvsadm -Ln after keepalived == after Fulcrum", keepalived.equals(fulcrum));
            System.out.println("--- keepalived\n" + keepalived + "--- Fulcrum\n" + fulcrum + "---");
        } finally {
            subsystem.deactivate();
            sh("ipvsadm -C");
        }
        return failures;
    }

    /**
     * Runs keepalived's checker on the file until every real server has been checked once and the
     * table lists them all; returns {@code ipvsadm -Ln} at that point and stops keepalived.
     */
    private static String keepalivedTable(String file, int reals) throws Exception {
        Files.deleteIfExists(HITS);
        Path log = Path.of("/tmp/keepalived-" + Path.of(file).getFileName() + ".log");
        Process keepalived = new ProcessBuilder("keepalived", "-n", "-l", "-D", "-C", "-f", file,
                "-p", "/tmp/keepalived.pid", "-c", "/tmp/keepalived-checkers.pid")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.currentTimeMillis() + WAIT_MILLIS;
            String table = sh("ipvsadm -Ln");
            while (System.currentTimeMillis() < deadline && (hits() < reals || destinations(table) < reals)) {
                Thread.sleep(250); // polling a real daemon's progress, not a timer of our own
                table = sh("ipvsadm -Ln");
            }
            System.out.println(file + ": keepalived checked " + hits() + " times");
            return table;
        } finally {
            keepalived.destroy(); // SIGTERM: keepalived removes its virtual servers and exits
            keepalived.waitFor();
            System.out.print(Files.readString(log).lines().filter(l -> l.contains("TCP") || l.contains("rror"))
                    .map(l -> "keepalived: " + l + "\n").reduce("", String::concat));
        }
    }

    private static long hits() throws Exception {
        return Files.exists(HITS) ? Files.readAllLines(HITS).size() : 0;
    }

    /** The destination lines of an {@code ipvsadm -Ln} listing (the header's "-> RemoteAddress" excluded). */
    static int destinations(String listing) {
        return (int) listing.lines().filter(l -> l.trim().startsWith("->") && !l.contains("RemoteAddress")).count();
    }

    private static KeepalivedConfig read(String file) throws Exception {
        return KeepalivedConfigs.read(Path.of(file), Set.of(), false);
    }

    private static int check(String what, boolean ok) {
        System.out.println((ok ? "CHECK ok   " : "CHECK FAIL ") + what);
        return ok ? 0 : 1;
    }
}
