import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The test-tier guard: counts the tests of each tier from the JUnit XML reports that Surefire
 * and Failsafe wrote under every module's target/tier-reports/TIER/, prints one line per tier
 * and fails (exit 1) when a tier that had to run executed no test.
 *
 * Run from the repository root after the build: java scripts/TierReport.java .
 * unit and in-framework must always run; system and kernel must run as root or when
 * FULCRUM_REQUIRE_SYSTEM_TESTS=1 (CI), and may be all-skipped otherwise.
 */
public class TierReport {

    private static final Pattern SUITE = Pattern.compile("<testsuite\\b([^>]*)>");
    private static final Map<String, String> TIERS = new LinkedHashMap<>();

    static {
        TIERS.put("unit", "unit");
        TIERS.put("framework", "in-framework");
        TIERS.put("system", "system");
        TIERS.put("kernel", "kernel");
    }

    /** Tiers that need root (system: network namespaces; kernel: the QEMU guest of rigs/kernel). */
    private static final Map<String, String> ROOT_TIERS = Map.of(
            "system", "it needs root (network namespaces)",
            "kernel", "it needs root and a prepared QEMU guest (rigs/kernel/prepare)");

    record Count(int tests, int failures, int errors, int skipped, int files) {
        Count plus(Count other) {
            return new Count(tests + other.tests, failures + other.failures, errors + other.errors,
                    skipped + other.skipped, files + other.files);
        }

        int executed() {
            return tests - skipped;
        }
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        boolean root0 = "0".equals(uid());
        boolean required = "1".equals(System.getenv("FULCRUM_REQUIRE_SYSTEM_TESTS"));
        Map<String, Count> counts = new LinkedHashMap<>();
        TIERS.keySet().forEach(tier -> counts.put(tier, new Count(0, 0, 0, 0, 0)));
        try (Stream<Path> files = Files.walk(root)) {
            for (Path report : files.filter(TierReport::isReport).toList()) {
                String tier = report.getParent().getFileName().toString();
                counts.computeIfPresent(tier, (name, sum) -> sum.plus(read(report)));
            }
        }
        System.out.println("Test tiers (from */target/tier-reports):");
        System.out.printf("  %-13s %6s %6s %7s %7s%n", "tier", "run", "failed", "errors", "skipped");
        boolean ok = true;
        for (Map.Entry<String, Count> entry : counts.entrySet()) {
            Count count = entry.getValue();
            String name = TIERS.get(entry.getKey());
            System.out.printf("  %-13s %6d %6d %7d %7d%n", name, count.executed(), count.failures(), count.errors(),
                    count.skipped());
            boolean needsRoot = ROOT_TIERS.containsKey(entry.getKey());
            boolean mustRun = !needsRoot || root0 || required;
            if (count.executed() == 0 && mustRun) {
                System.out.println("  FAIL: the " + name + " tier executed no test" + (needsRoot
                        ? (required ? " (FULCRUM_REQUIRE_SYSTEM_TESTS=1)" : " (running as root)") : ""));
                ok = false;
            } else if (count.executed() == 0) {
                System.out.println("  note: the " + name + " tier was skipped: " + ROOT_TIERS.get(entry.getKey()));
            }
        }
        if (!ok) {
            System.exit(1);
        }
    }

    private static boolean isReport(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("TEST-") && name.endsWith(".xml")
                && file.getParent().getParent() != null
                && file.getParent().getParent().getFileName().toString().equals("tier-reports");
    }

    private static Count read(Path report) {
        try {
            String xml = Files.readString(report);
            Matcher suite = SUITE.matcher(xml);
            if (!suite.find()) {
                return new Count(0, 0, 0, 0, 1);
            }
            String attributes = suite.group(1);
            return new Count(attribute(attributes, "tests"), attribute(attributes, "failures"),
                    attribute(attributes, "errors"), attribute(attributes, "skipped"), 1);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + report + ": " + e.getMessage(), e);
        }
    }

    private static int attribute(String attributes, String name) {
        Matcher value = Pattern.compile("\\b" + name + "=\"(\\d+)\"").matcher(attributes);
        return value.find() ? Integer.parseInt(value.group(1)) : 0;
    }

    private static String uid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return List.of(line.split("\\s+")).get(2);
                }
            }
        } catch (IOException e) {
            return "?";
        }
        return "?";
    }
}
