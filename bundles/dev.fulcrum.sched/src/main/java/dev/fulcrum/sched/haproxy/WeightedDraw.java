package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.ServerView;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A draw of one server with probability proportional to its current weight, by Walker's alias method
 * (in Vose's construction): n columns of equal probability, each split between its own server and one
 * "alias" at a threshold. A draw is one random long, O(1) and without branches on the weights; built in O(n).
 */
final class WeightedDraw {

    private static final long ONE = 1L << 32;

    private final ServerView[] servers;
    /** Below this (of 2^32) a draw in the column keeps the column's own server. */
    private final long[] thresholds;
    private final int[] aliases;

    private WeightedDraw(ServerView[] servers, long[] thresholds, int[] aliases) {
        this.servers = servers;
        this.thresholds = thresholds;
        this.aliases = aliases;
    }

    static WeightedDraw of(List<Roster.Member> members) {
        int n = members.size();
        ServerView[] servers = members.stream().map(Roster.Member::view).toArray(ServerView[]::new);
        long[] scaled = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            long weight = Math.max(1, servers[i].weight());
            scaled[i] = weight * n; // a column holds total weight: scaled < total means "under-full"
            total += weight;
        }
        long[] thresholds = new long[n];
        int[] aliases = new int[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int smallCount = 0;
        int largeCount = 0;
        for (int i = 0; i < n; i++) {
            if (scaled[i] < total) {
                small[smallCount++] = i;
            } else {
                large[largeCount++] = i;
            }
        }
        while (smallCount > 0 && largeCount > 0) {
            int under = small[--smallCount];
            int over = large[largeCount - 1];
            thresholds[under] = (scaled[under] << 32) / total;
            aliases[under] = over;
            scaled[over] -= total - scaled[under];
            if (scaled[over] < total) {
                largeCount--;
                small[smallCount++] = over;
            }
        }
        for (int i = 0; i < largeCount; i++) {
            thresholds[large[i]] = ONE;
        }
        for (int i = 0; i < smallCount; i++) {
            thresholds[small[i]] = ONE; // only rounding can leave one here: it is (almost) full
        }
        return new WeightedDraw(servers, thresholds, aliases);
    }

    /** One server; only when there is at least one. */
    ServerView draw(RandomGenerator random) {
        long bits = random.nextLong();
        int column = (int) (((bits >>> 32) * servers.length) >>> 32);
        return (bits & (ONE - 1)) < thresholds[column] ? servers[column] : servers[aliases[column]];
    }
}
