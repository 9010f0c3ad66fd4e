package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.sched.ServerView;
import dev.fulcrum.sched.common.Weights;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One full cycle of the kernel's weighted round robin (net/netfilter/ipvs/ip_vs_wrr.c), precomputed.
 *
 * <p>The kernel keeps a current weight {@code cw}, starting at {@code mw = max weight - (gcd - 1)}, and
 * walks the destination list picking every server whose weight is {@code >= cw}; at the end of the list
 * {@code cw} drops by the gcd of the weights, and when it reaches 0 or below it starts again at
 * {@code mw}. One cycle therefore visits the levels {@code mw, mw - gcd, ...} (down to above 0), and at
 * each level the servers with weight {@code >= cw} in list order.
 *
 * <p>A cycle has sum(weight)/gcd positions (up to 65535 x servers), too many to store flat. Consecutive
 * levels with the same set of servers form a run, and there are at most as many runs as distinct
 * weights, so the cycle is stored as runs: the server set of each run (in list order) and the cycle
 * position where it starts. A position is found by binary search over the runs: O(log distinct weights).
 */
final class WrrCycle {

    private final ServerView[][] runServers;
    private final long[] runStart;
    private final long length;

    private WrrCycle(ServerView[][] runServers, long[] runStart, long length) {
        this.runServers = runServers;
        this.runStart = runStart;
        this.length = length;
    }

    /** The cycle over the given servers (all with weight above 0), in list order. */
    static WrrCycle of(List<ServerView> servers) {
        if (servers.isEmpty()) {
            return new WrrCycle(new ServerView[0][], new long[0], 0);
        }
        int gcd = Weights.gcd(servers);
        int max = Weights.max(servers);
        int[] thresholds = servers.stream().mapToInt(ServerView::weight).distinct().sorted().toArray();
        List<ServerView[]> sets = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        long position = 0;
        int level = max - (gcd - 1);
        int run = thresholds.length - 1;
        while (level > 0) {
            // The servers picked at this level are those weighing at least the smallest weight >= level.
            while (run > 0 && thresholds[run - 1] >= level) {
                run--;
            }
            int threshold = thresholds[run];
            // The run's levels are those above the next smaller weight: they all pick the same servers.
            int span = level - (run == 0 ? 0 : thresholds[run - 1]);
            int levelsInRun = (span + gcd - 1) / gcd;
            ServerView[] set = servers.stream().filter(s -> s.weight() >= threshold).toArray(ServerView[]::new);
            sets.add(set);
            starts.add(position);
            position += (long) levelsInRun * set.length;
            level -= levelsInRun * gcd;
        }
        return new WrrCycle(sets.toArray(new ServerView[0][]), starts.stream().mapToLong(Long::longValue).toArray(),
                position);
    }

    long length() {
        return length;
    }

    /** The server at the given position of the cycle, 0 &lt;= position &lt; {@link #length()}. */
    ServerView at(long position) {
        int run = Arrays.binarySearch(runStart, position);
        if (run < 0) {
            run = -run - 2;
        }
        ServerView[] set = runServers[run];
        return set[(int) ((position - runStart[run]) % set.length)];
    }
}
