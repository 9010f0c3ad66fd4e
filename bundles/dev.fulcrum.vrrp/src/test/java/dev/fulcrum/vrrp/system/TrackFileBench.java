package dev.fulcrum.vrrp.system;

import static dev.fulcrum.vrrp.system.VrrpLan.VIP;
import static dev.fulcrum.vrrp.system.VrrpLan.await;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * scripts/bench-trackfile: how fast a master reacts to its track_file. The master (Fulcrum or
 * keepalived 2.2.7, one keepalived.conf) tracks a file with weight 0; the test writes 1 into it, the
 * master goes to FAULT and resigns (priority 0), and the time until the kernel announces the VIP on
 * the backup (RTM_NEWADDR, {@link AddressWatch}) is taken. The backup is keepalived in both cases, with
 * priority 250 (skew time 2.3 ms, RFC 5798 section 6.1) and advert_int 0.1, so that the figure is the
 * master's reaction. Prints the medians and the ratio Fulcrum / keepalived measured in the same run.
 */
public final class TrackFileBench {

    private TrackFileBench() {
    }

    /** {@code [RUNS]}: 5 by default. */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path directory = Files.createTempDirectory("bench-trackfile");
        double fulcrum = median(runs, directory, true);
        double keepalived = median(runs, directory, false);
        System.out.println("| track_file write -> VIP on the backup | Fulcrum median ms | keepalived median ms | ratio |");
        System.out.println("|---|---|---|---|");
        System.out.printf("| weight 0, value 0 -> 1 (FAULT, priority 0), v3 advert_int 0.1 | %.1f | %.1f | %.2f |%n",
                fulcrum, keepalived, fulcrum / keepalived);
        System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private static double median(int runs, Path directory, boolean fulcrum) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            millis.add(once(directory, fulcrum));
        }
        Collections.sort(millis);
        System.err.println((fulcrum ? "Fulcrum" : "keepalived") + ": " + millis);
        return millis.get(millis.size() / 2);
    }

    /** In a directory of its own: a keepalived of the previous run may still be removing its pid files. */
    private static double once(Path parent, boolean fulcrum) throws Exception {
        Path directory = Files.createTempDirectory(parent, "run");
        Path flag = directory.resolve("flag");
        String trackFile = "track_file flag {\n    file \"" + flag + "\"\n    weight 0\n    init_file 0 overwrite\n}\n";
        String master = trackFile + FulcrumKeepalivedTest.conf("MASTER", 254, 3, "track_file {\n flag\n }")
                .replace("advert_int 1", "advert_int 0.1");
        String backup = FulcrumKeepalivedTest.conf("BACKUP", 250, 3, "").replace("advert_int 1", "advert_int 0.1");
        try (VrrpLan lan = VrrpLan.create(directory)) {
            if (fulcrum) {
                lan.startFulcrum(1, master);
            } else {
                lan.startKeepalived(1, master);
            }
            await("the master", () -> lan.holds(1, VIP));
            lan.startKeepalived(2, backup);
            TimeUnit.MILLISECONDS.sleep(400); // the backup settles: four advert intervals
            OptionalLong added;
            long start;
            try (AddressWatch watch = AddressWatch.open(lan.host(2).name())) {
                start = System.nanoTime();
                Files.writeString(flag, "1\n");
                added = watch.awaitAdded(InetAddress.getByName(VIP), Duration.ofSeconds(20));
            }
            if (added.isEmpty()) {
                throw new IllegalStateException("the backup did not take over within 20 s");
            }
            return (added.getAsLong() - start) / 1e6;
        }
    }
}
