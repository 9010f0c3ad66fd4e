package dev.fulcrum.bench.sched;

import dev.fulcrum.api.sched.SchedulerRegistry;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.sched.registry.SchedulerRegistryService;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.osgi.service.log.Logger;

/**
 * Runs {@link PickBenchmark} for every algorithm at 10, 100 and 1,000 servers and {@link ChurnBenchmark} and
 * {@link ReweighBenchmark} at 1,000, with short settings (one fork, 3 × 1 s warm-up, 3 × 1 s measurement),
 * measures bytes per server,
 * and prints a markdown table of medians with each algorithm's ratio to the registry's round robin
 * measured in the same run.
 * Arguments: algorithm names to restrict the run to (the reference always runs), or {@code --list} to
 * print what was discovered and check that each creates and picks, without measuring.
 */
public final class BenchSched {

    private static final String LARGE = "1000";
    private static final String CHURN = "churn";
    private static final String REWEIGH = "reweigh";
    private static final int HEAP_SERVERS = 1000;
    private static final int HEAP_INSTANCES = 200;

    private BenchSched() {
    }

    public static void main(String[] args) throws RunnerException {
        if (List.of(args).equals(List.of("--list"))) {
            list();
            return;
        }
        List<String> wanted = List.of(args);
        Map<String, Subject> subjects = new LinkedHashMap<>();
        AlgorithmCatalog.all().stream()
                .filter(s -> wanted.isEmpty() || wanted.contains(s.name()) || s.name().equals(AlgorithmCatalog.REFERENCE))
                .forEach(s -> subjects.put(s.name(), s));
        String loadBefore = loadAverage();
        Options options = new OptionsBuilder()
                .include(PickBenchmark.class.getName() + ".pick$")
                .include(ChurnBenchmark.class.getName() + ".pickAndTrack$")
                .include(ReweighBenchmark.class.getName() + ".reweighAndPick$")
                .param("algorithm", subjects.keySet().toArray(new String[0]))
                .param("servers", "10", "100", "1000")
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(3).measurementTime(TimeValue.seconds(1))
                .jvmArgs("-Xms512m", "-Xmx512m")
                .build();
        Collection<RunResult> results = new Runner(options).run();

        // algorithm -> column ("10", "100", "1000" servers, or CHURN) -> result
        Map<String, Map<String, Result<?>>> scores = new TreeMap<>();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            String column = benchmark.endsWith(".pickAndTrack") ? CHURN
                    : benchmark.endsWith(".reweighAndPick") ? REWEIGH : result.getParams().getParam("servers");
            scores.computeIfAbsent(result.getParams().getParam("algorithm"), name -> new TreeMap<>())
                    .put(column, result.getPrimaryResult());
        }
        double reference = median(scores.get(AlgorithmCatalog.REFERENCE).get(LARGE));
        System.out.println();
        System.out.println("ns/op: median of the measurement iterations (min–max); the machine is shared, so the"
                + " ratio to " + AlgorithmCatalog.REFERENCE + " (same run, same pinning) is the number to compare."
                + " With churn: 1,000 servers, each pick opens a connection and closes one opened "
                + ChurnBenchmark.OUTSTANDING + " picks before, telling the algorithm both. Weight change: 1,000"
                + " servers, one of them takes a neighbouring weight, the algorithm is told, and one pick follows.");
        System.out.println();
        System.out.println("| algorithm | family | ns/op, 10 servers | 100 | 1,000 | ×" + AlgorithmCatalog.REFERENCE
                + " at 1,000 | with churn | weight change + pick | bytes/server |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Subject subject : subjects.values()) {
            Map<String, Result<?>> row = scores.getOrDefault(subject.name(), Map.of());
            StringBuilder line = new StringBuilder("| " + subject.name() + " | " + subject.family() + " |");
            for (String column : List.of("10", "100", LARGE)) {
                line.append(cell(row.get(column)));
            }
            Result<?> large = row.get(LARGE);
            line.append(large == null ? " – |" : format(" %.2f |", median(large) / reference));
            line.append(cell(row.get(CHURN)));
            line.append(cell(row.get(REWEIGH)));
            line.append(format(" %.0f |", HeapPerServer.of(subject, HEAP_SERVERS, HEAP_INSTANCES)));
            System.out.println(line);
        }
        System.out.println();
        System.out.println(format("A BalancedPool of the registry adds %.0f bytes/server for its own server list.",
                poolOverhead()));
        System.out.println("CPUs visible: " + Runtime.getRuntime().availableProcessors()
                + "; load average before: " + loadBefore + ", after: " + loadAverage());
    }

    private static String cell(Result<?> score) {
        return score == null ? " failed |" : format(" %.1f (%.1f–%.1f) |", median(score),
                score.getStatistics().getMin(), score.getStatistics().getMax());
    }

    private static double median(Result<?> result) {
        return result.getStatistics().getPercentile(50);
    }

    /** One line per discovered algorithm, with the server its first pick over the workload chose. */
    private static void list() {
        for (Subject subject : AlgorithmCatalog.all()) {
            String outcome;
            try {
                outcome = subject.over(Workload.servers(10))
                        .pick(Workload.requests()[0]).map(server -> "picks " + server.id()).orElse("picks nothing");
            } catch (RuntimeException e) {
                outcome = "FAILS: " + e;
            }
            System.out.println(subject.name() + " (" + subject.family() + "): " + outcome);
        }
    }

    /** The registry's pool on its fallback, less the fallback round robin alone. */
    private static double poolOverhead() {
        SchedulerRegistry registry = new SchedulerRegistryService(silentLogger());
        double pool = HeapPerServer.measure(HEAP_SERVERS, HEAP_INSTANCES,
                servers -> registry.open("bench", AlgorithmCatalog.REFERENCE, SchedulerSettings.defaults(), servers));
        return pool - HeapPerServer.of(AlgorithmCatalog.named(AlgorithmCatalog.REFERENCE), HEAP_SERVERS, HEAP_INSTANCES);
    }

    private static Logger silentLogger() {
        return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, arguments) -> method.getReturnType() == boolean.class ? Boolean.FALSE : null);
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
