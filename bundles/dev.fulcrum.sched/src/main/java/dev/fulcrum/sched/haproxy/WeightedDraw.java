package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.ServerView;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A draw of one server with probability proportional to its current weight: cumulative weights searched
 * by bisection, O(log n) per draw, built in O(n).
 */
final class WeightedDraw {

    private final ServerView[] servers;
    private final long[] cumulative;

    private WeightedDraw(ServerView[] servers, long[] cumulative) {
        this.servers = servers;
        this.cumulative = cumulative;
    }

    static WeightedDraw of(List<Roster.Member> members) {
        ServerView[] servers = members.stream().map(Roster.Member::view).toArray(ServerView[]::new);
        long[] cumulative = new long[servers.length];
        long total = 0;
        for (int i = 0; i < servers.length; i++) {
            total += Math.max(1, servers[i].weight());
            cumulative[i] = total;
        }
        return new WeightedDraw(servers, cumulative);
    }

    /** One server; only when there is at least one. */
    ServerView draw(RandomGenerator random) {
        long ticket = random.nextLong(cumulative[cumulative.length - 1]);
        int at = Arrays.binarySearch(cumulative, ticket + 1);
        return servers[at >= 0 ? at : -at - 1];
    }
}
