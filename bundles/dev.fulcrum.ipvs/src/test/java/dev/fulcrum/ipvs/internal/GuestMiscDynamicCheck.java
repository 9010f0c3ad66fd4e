package dev.fulcrum.ipvs.internal;

import static dev.fulcrum.ipvs.internal.GuestTableCheck.check;
import static dev.fulcrum.ipvs.internal.GuestTableCheck.ip;
import static dev.fulcrum.ipvs.internal.GuestTableCheck.sh;

import dev.fulcrum.api.model.lvs.CheckCommon;
import dev.fulcrum.api.model.lvs.HealthChecker;
import dev.fulcrum.api.model.lvs.RealServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * keepalived.conf(5) MISC_CHECK {@code misc_dynamic} against the real kernel, a step of
 * {@link GuestHealthCheck}'s NAT data path: real server b is now checked by a real script (every
 * second, retry 0, misc_timeout 2 s) whose exit status the step writes to a file. Exit 7 puts weight 5
 * into the kernel ({@code ipvsadm -Ln}, and {@code fulcrum:ipvs} prints the same); exit 0 gives the
 * configured 1 back; 7 again is 5; exit 1 takes b out; exit 12 brings it back at 10.
 */
final class GuestMiscDynamicCheck {

    private static final Path SCRIPT = Path.of("/tmp/fulcrum-weigh");
    private static final Path EXIT_STATUS = Path.of("/tmp/fulcrum-weigh-status");

    private GuestMiscDynamicCheck() {
    }

    /** @param a the data path's real server a, as the previous revisions had it */
    static void run(IpvsSubsystem subsystem, RealServer a) throws Exception {
        Files.writeString(SCRIPT, "#!/bin/sh\nexit $(cat " + EXIT_STATUS + ")\n");
        check("misc script is executable", SCRIPT.toFile().setExecutable(true));
        exitWith(7);
        check("revision 9 (b checked by a misc_dynamic MISC_CHECK) applied",
                subsystem.reconcile(GuestHealthCheck.revision(9, a, scripted("10.3.0.2"))).isApplied());
        check("exit 7: b at weight 5 in the kernel", GuestHealthCheck.waitFor(t -> weightOfB(t, 5)));
        String ours = new IpvsCommand(subsystem).ipvs("-Ln");
        String theirs = sh("ipvsadm -Ln");
        check("fulcrum:ipvs -Ln == ipvsadm -Ln with the dynamic weight (connection counts aside)",
                withoutCounts(ours).equals(withoutCounts(theirs)));
        if (!ours.equals(theirs)) {
            System.out.println("--- ours\n" + ours + "--- ipvsadm\n" + theirs);
        }

        exitWith(0);
        check("exit 0: b back at its configured weight 1", GuestHealthCheck.waitFor(t -> weightOfB(t, 1)));
        exitWith(7);
        check("exit 7 again: weight 5", GuestHealthCheck.waitFor(t -> weightOfB(t, 5)));
        exitWith(1);
        check("exit 1: b leaves the table", GuestHealthCheck.waitFor(t -> !t.contains("10.3.0.2:8080")));
        exitWith(12);
        check("exit 12 after the failure: b back at weight 10", GuestHealthCheck.waitFor(t -> weightOfB(t, 10)));
    }

    /**
     * A listing without ActiveConn and InActConn: the data path's TIME_WAIT entries expire between the two
     * reads (InActConn 5, then 4, seen in the rig).
     */
    private static String withoutCounts(String listing) {
        return listing.replaceAll("(?m)^(  -> \\S+\\s+\\S+\\s+\\d+)\\s+\\d+\\s+\\d+\\s*$", "$1");
    }

    private static boolean weightOfB(String listing, int weight) {
        return listing.matches("(?s).*10\\.3\\.0\\.2:8080\\s+Masq\\s+" + weight + "\\s.*");
    }

    /** A real server on 8080 checked by the script with misc_dynamic: every second, no retry, misc_timeout 2 s. */
    private static RealServer scripted(String address) {
        CheckCommon d = CheckCommon.DEFAULTS;
        CheckCommon common = new CheckCommon(d.connectIp(), d.connectPort(), d.bindTo(), d.bindPort(), d.connectTimeout(), 0,
                d.delayBeforeRetry(), Optional.empty(), Optional.of(Duration.ofSeconds(1)));
        return new RealServer(ip(address), 8080, 1, Optional.empty(), false, Optional.empty(), Optional.empty(), 0, 0,
                List.<HealthChecker>of(new HealthChecker.MiscCheck(common, SCRIPT.toString(), Optional.of(Duration.ofSeconds(2)),
                        true, Optional.empty())));
    }

    /** The next runs of the script exit with {@code status} (renamed into place: a run never reads half a file). */
    private static void exitWith(int status) throws Exception {
        Path next = Files.writeString(Path.of(EXIT_STATUS + ".next"), status + "\n");
        Files.move(next, EXIT_STATUS, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
