package dev.fulcrum.bench.sched;

import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.ServerView;
import java.lang.ref.Reference;
import java.util.List;
import java.util.function.Function;

/**
 * Retained heap per server: many instances over one shared server list are kept alive, and the growth of
 * the used heap after full collections is divided by instances × servers. The servers themselves belong
 * to the caller and are not counted; each instance picks once first, so lazily built tables count. Exact
 * with the serial collector (scripts/bench-sched runs it so), approximate with others.
 */
public final class HeapPerServer {

    private static final int GC_ROUNDS = 4;

    private HeapPerServer() {
    }

    /** Bytes per server of one algorithm instance over {@code servers} servers. */
    public static double of(Subject subject, int servers, int instances) {
        return measure(servers, instances, subject::over);
    }

    /** The same for anything built over a server list (the registry's pools, for instance). */
    public static double measure(int servers, int instances, Function<List<ServerView>, Scheduler> build) {
        List<ServerView> list = List.copyOf(Workload.servers(servers));
        RequestContext request = Workload.requests()[0];
        build.apply(list).pick(request); // classes loaded and initialized before the first reading
        Scheduler[] kept = new Scheduler[instances];
        long before = usedAfterGc();
        for (int i = 0; i < instances; i++) {
            kept[i] = build.apply(list);
            kept[i].pick(request);
        }
        long after = usedAfterGc();
        Reference.reachabilityFence(kept);
        Reference.reachabilityFence(list);
        long keptArray = 16 + 4L * instances; // the array of instances itself: header + compressed references
        return (after - before - keptArray) / ((double) instances * servers);
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < GC_ROUNDS; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
