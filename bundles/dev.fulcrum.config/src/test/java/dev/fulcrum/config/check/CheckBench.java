package dev.fulcrum.config.check;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configuration benchmark's Fulcrum side (scripts/bench-config runs it): writes the two big
 * configurations into DIR, then checks each RUNS times in this one JVM after a warm-up, and prints
 * the median wall time and the bytes this thread allocated per check (reading the file, parsing,
 * validating, formatting the report). Not a test.
 * Usage: CheckBench DIR [RUNS]
 */
public final class CheckBench {

    private CheckBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path keepalived = Files.writeString(dir.resolve("generated.conf"), BigConfigs.keepalived(1000, 10));
        Path haproxy = Files.writeString(dir.resolve("generated.cfg"), BigConfigs.haproxy(500, 20));
        ConfigCheck check = new ConfigCheck(Map.of(), Set.of("bench"));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (Path file : List.of(keepalived, haproxy)) {
            List<String> command = List.of("-f", file.toString());
            for (int i = 0; i < Math.max(5, runs); i++) { // warm-up: let C2 compile the parser
                expectValid(check.run(command));
            }
            long[] nanos = new long[runs];
            long[] bytes = new long[runs];
            for (int i = 0; i < runs; i++) {
                long allocated = threads.getCurrentThreadAllocatedBytes();
                long start = System.nanoTime();
                ConfigCheck.Report report = check.run(command);
                nanos[i] = System.nanoTime() - start;
                bytes[i] = threads.getCurrentThreadAllocatedBytes() - allocated;
                expectValid(report);
            }
            // one parsable line per file for the script: name, size, median ns, median bytes, all ns
            System.out.println("fulcrum " + file.getFileName() + " " + Files.size(file) + " " + median(nanos) + " "
                    + median(bytes) + " " + Arrays.toString(nanos).replace(" ", ""));
        }
    }

    private static void expectValid(ConfigCheck.Report report) {
        if (report.exitCode() != ConfigCheck.VALID) {
            throw new IllegalStateException("the generated configuration is not valid:\n" + report.output()
                    + report.errors());
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
