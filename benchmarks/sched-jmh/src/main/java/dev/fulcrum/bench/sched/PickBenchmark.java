package dev.fulcrum.bench.sched;

import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.ServerView;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The cost of one {@link Scheduler#pick}: {@link BenchSched} passes every discovered algorithm as a parameter. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PickBenchmark {

    @Param(AlgorithmCatalog.REFERENCE)
    public String algorithm;

    @Param({"10", "100", "1000"})
    public int servers;

    private Scheduler scheduler;
    private RequestContext[] requests;
    private int next;

    @Setup
    public void setUp() {
        scheduler = AlgorithmCatalog.named(algorithm).over(Workload.servers(servers));
        requests = Workload.requests();
    }

    @Benchmark
    public Optional<ServerView> pick() {
        RequestContext request = requests[next++ & (Workload.REQUESTS - 1)];
        return scheduler.pick(request);
    }
}
