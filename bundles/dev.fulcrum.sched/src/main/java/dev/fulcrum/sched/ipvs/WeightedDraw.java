package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.sched.ServerView;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Draws a server with probability weight / total in O(1): Walker's alias method (Vose's construction,
 * "A linear algorithm for generating random numbers with a given distribution", IEEE TSE 1991) in exact
 * integer arithmetic. Each of the n columns holds {@code total} units: {@code keep[i]} of its own server
 * and the rest of an alias; one uniform number in [0, n x total) picks a column and a unit in it.
 */
final class WeightedDraw {

    private final ServerView[] servers;
    private final long[] keep;
    private final int[] alias;
    private final long total;
    private final long outcomes;

    private WeightedDraw(ServerView[] servers, long[] keep, int[] alias, long total) {
        this.servers = servers;
        this.keep = keep;
        this.alias = alias;
        this.total = total;
        // At most 2^31 servers of weight 65535 (IPVS): far below 2^63, but say so if not.
        this.outcomes = Math.multiplyExact(servers.length, total);
    }

    /** Over the given servers, all with weight above 0. */
    static WeightedDraw of(List<ServerView> candidates) {
        int n = candidates.size();
        ServerView[] servers = candidates.toArray(ServerView[]::new);
        long total = Arrays.stream(servers).mapToLong(ServerView::weight).sum();
        // Column i is owed weight(i) x n units out of total: the small ones are topped up by large ones.
        long[] owed = new long[n];
        long[] keep = new long[n];
        int[] alias = new int[n];
        Deque<Integer> small = new ArrayDeque<>();
        Deque<Integer> large = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            owed[i] = (long) servers[i].weight() * n;
            (owed[i] < total ? small : large).push(i);
            alias[i] = i;
        }
        while (!small.isEmpty() && !large.isEmpty()) {
            int s = small.pop();
            int l = large.pop();
            keep[s] = owed[s];
            alias[s] = l;
            owed[l] -= total - owed[s];
            (owed[l] < total ? small : large).push(l);
        }
        // What is left owes exactly total (up to nothing): it keeps its whole column.
        large.forEach(i -> keep[i] = total);
        small.forEach(i -> keep[i] = total);
        return new WeightedDraw(servers, keep, alias, total);
    }

    /** The servers, in list order. */
    List<ServerView> servers() {
        return List.of(servers);
    }

    boolean isEmpty() {
        return servers.length == 0;
    }

    /** The number of outcomes {@link #at} accepts: columns x units per column. */
    long outcomes() {
        return outcomes;
    }

    /** The server for a uniform outcome in [0, {@link #outcomes()}). */
    ServerView at(long outcome) {
        int column = (int) (outcome / total);
        return outcome % total < keep[column] ? servers[column] : servers[alias[column]];
    }

    /** A weighted draw from the generator, which the caller owns exclusively for the call. */
    ServerView draw(RandomGenerator random) {
        return at(random.nextLong(outcomes()));
    }
}
