package dev.fulcrum.bench.sched;

import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.ServerView;
import java.util.List;
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

/**
 * What a weight change costs (HAProxy's "set weight" on the runtime API, an agent-check reply): one server
 * of the 1,000 takes a neighbouring weight, the algorithm is told ({@link Scheduler#serverChanged}), and
 * one pick follows, which pays for whatever the algorithm deferred (a table rebuilt lazily, for instance).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ReweighBenchmark {

    @Param(AlgorithmCatalog.REFERENCE)
    public String algorithm;

    /** Not "servers": {@link BenchSched} sets that parameter for {@link PickBenchmark} only. */
    @Param("1000")
    public int reweighServers;

    private Scheduler scheduler;
    private List<Workload.Server> servers;
    private RequestContext[] requests;
    private int next;

    @Setup
    public void setUp() {
        servers = Workload.servers(reweighServers);
        scheduler = AlgorithmCatalog.named(algorithm).over(servers);
        requests = Workload.requests();
    }

    @Benchmark
    public Optional<ServerView> reweighAndPick() {
        Workload.Server server = servers.get(next % servers.size());
        server.reweigh();
        scheduler.serverChanged(server);
        return scheduler.pick(requests[next++ & (Workload.REQUESTS - 1)]);
    }
}
