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

/**
 * A pick as the data plane makes it under load: the chosen server gets a connection and the algorithm is
 * told ({@link Scheduler#connectionsChanged}), and the connection opened {@value #OUTSTANDING} picks
 * earlier closes, so the least-connection family works on changing counts instead of all zeros.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ChurnBenchmark {

    /** Connections open at any time; a power of two. */
    static final int OUTSTANDING = 256;

    @Param(AlgorithmCatalog.REFERENCE)
    public String algorithm;

    /** Not "servers": {@link BenchSched} sets that parameter for {@link PickBenchmark} only. */
    @Param("1000")
    public int churnServers;

    private Scheduler scheduler;
    private RequestContext[] requests;
    private final Workload.Server[] open = new Workload.Server[OUTSTANDING];
    private int next;

    @Setup
    public void setUp() {
        scheduler = AlgorithmCatalog.named(algorithm).over(Workload.servers(churnServers));
        requests = Workload.requests();
    }

    @Benchmark
    public Optional<ServerView> pickAndTrack() {
        int slot = next & (OUTSTANDING - 1);
        Workload.Server closing = open[slot];
        if (closing != null) {
            closing.release();
            scheduler.connectionsChanged(closing);
        }
        Optional<ServerView> chosen = scheduler.pick(requests[next++ & (Workload.REQUESTS - 1)]);
        Workload.Server opening = (Workload.Server) chosen.orElse(null);
        if (opening != null) {
            opening.connect();
            scheduler.connectionsChanged(opening);
        }
        open[slot] = opening;
        return chosen;
    }
}
