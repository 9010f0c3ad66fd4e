package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.ServerView;
import dev.fulcrum.sched.common.Load;
import dev.fulcrum.sched.common.SnapshotScheduler;
import dev.fulcrum.sched.common.Tiers;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * IPVS {@code twos} (net/netfilter/ipvs/ip_vs_twos.c, "weighted random twos choice"): draw two servers at
 * random, each with probability proportional to its weight, and take the one with the smaller
 * {@code ip_vs_dest_conn_overhead() / weight} (cross-multiplied; the first draw wins ties).
 *
 * <p>The kernel walks the list subtracting weights from the random numbers; here the hooks precompute
 * the cumulative weights and a draw is a binary search (O(log n)). Connection counts are read live, so
 * {@link #connectionsChanged} needs no work. The random source is shared by all picking threads and is
 * not thread-safe in general, so the two draws hold its lock.
 */
final class TwoChoices extends SnapshotScheduler<TwoChoices.Draw> {

    /** The usable servers of the tier in service and their cumulative weights. */
    record Draw(ServerView[] servers, long[] cumulative) {

        static Draw of(List<ServerView> servers) {
            ServerView[] usable = Tiers.usable(servers).toArray(ServerView[]::new);
            long[] cumulative = new long[usable.length];
            long sum = 0;
            for (int i = 0; i < usable.length; i++) {
                sum += usable[i].weight();
                cumulative[i] = sum;
            }
            return new Draw(usable, cumulative);
        }

        long total() {
            return cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
        }

        /** The server whose weight interval holds {@code point}, 0 &lt;= point &lt; total. */
        ServerView at(long point) {
            int index = Arrays.binarySearch(cumulative, point + 1);
            return servers[index >= 0 ? index : -index - 1];
        }
    }

    private final RandomGenerator random;

    TwoChoices(RandomGenerator random, List<ServerView> servers) {
        super(servers, Draw::of);
        this.random = random;
    }

    @Override
    public Optional<ServerView> pick(RequestContext request) {
        Draw draw = snapshot();
        long total = draw.total();
        if (total == 0) {
            return Optional.empty();
        }
        long first;
        long second;
        synchronized (random) {
            first = random.nextLong(total);
            second = random.nextLong(total);
        }
        ServerView one = draw.at(first);
        ServerView two = draw.at(second);
        boolean oneUsable = one.usable();
        boolean twoUsable = two.usable();
        if (oneUsable && twoUsable) {
            return Optional.of(lessLoaded(one, two));
        }
        // A state change awaiting its hook: take the other draw, or none this time.
        return oneUsable ? Optional.of(one) : twoUsable ? Optional.of(two) : Optional.empty();
    }

    private static ServerView lessLoaded(ServerView one, ServerView two) {
        long oneCost = Load.overheadOf(one) * two.weight();
        long twoCost = Load.overheadOf(two) * one.weight();
        return twoCost < oneCost ? two : one;
    }
}
