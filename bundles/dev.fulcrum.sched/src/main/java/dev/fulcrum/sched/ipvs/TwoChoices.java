package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.ServerView;
import dev.fulcrum.sched.common.Load;
import dev.fulcrum.sched.common.SnapshotScheduler;
import dev.fulcrum.sched.common.Tiers;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * IPVS {@code twos} (net/netfilter/ipvs/ip_vs_twos.c, "weighted random twos choice"): draw two servers at
 * random, each with probability proportional to its weight, and take the one with the smaller
 * {@code ip_vs_dest_conn_overhead() / weight} (cross-multiplied; the first draw wins ties).
 *
 * <p>The kernel walks the list subtracting weights from the random numbers (O(n)); here the hooks
 * precompute a {@link WeightedDraw} alias table and a draw is O(1). Connection counts are read live
 * (their hook only moves the overload flags). The random source is shared by all picking threads and is
 * not thread-safe in general, so the two draws hold its lock.
 */
final class TwoChoices extends SnapshotScheduler<WeightedDraw> {

    private static final int REDRAWS = 4;

    private final RandomGenerator random;

    TwoChoices(RandomGenerator random, List<ServerView> servers) {
        super(servers, list -> WeightedDraw.of(Tiers.usable(list)));
        this.random = random;
    }

    @Override
    public Optional<ServerView> pick(RequestContext request) {
        WeightedDraw draw = snapshot();
        if (draw.isEmpty()) {
            return Optional.empty();
        }
        // The table holds every usable server; the kernel draws among the ones not overloaded. Draws
        // that hit an unavailable server (over its threshold, or awaiting a hook) are retried a few
        // times, then the first available server stands in, so a pick never fails while one is left.
        for (int attempt = 0; attempt < REDRAWS; attempt++) {
            ServerView one;
            ServerView two;
            synchronized (random) {
                one = draw.draw(random);
                two = draw.draw(random);
            }
            boolean oneAvailable = available(one);
            boolean twoAvailable = available(two);
            if (oneAvailable || twoAvailable) {
                return Optional.of(oneAvailable && twoAvailable ? lessLoaded(one, two) : oneAvailable ? one : two);
            }
        }
        return draw.servers().stream().filter(availability).findFirst();
    }

    private static ServerView lessLoaded(ServerView one, ServerView two) {
        long oneCost = Load.overheadOf(one) * two.weight();
        long twoCost = Load.overheadOf(two) * one.weight();
        return twoCost < oneCost ? two : one;
    }
}
