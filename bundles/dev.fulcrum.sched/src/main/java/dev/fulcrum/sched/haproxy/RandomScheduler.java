package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.ServerView;
import java.util.Collection;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * configuration.txt 4.2 "balance random(draws)": {@code draws} servers drawn at random in proportion to
 * their current weights ({@link WeightedDraw}; "the servers' weights are respected, dynamic weight changes
 * immediately take effect"), and the least loaded of them, connections per weight, wins (the power of
 * two random choices; the first drawn on a tie). O(draws) per pick. The random source of the
 * settings is shared by the picking threads, so draws take its monitor (generators are not thread-safe).
 * Backups: the first usable one by position when no regular server is usable.
 */
final class RandomScheduler extends TableScheduler<WeightedDraw> {

    /** Rounds of draws tried when the winner turned unusable before its hook arrived. */
    private static final int ATTEMPTS = 4;

    private final int draws;
    private final RandomGenerator random;

    RandomScheduler(int draws, RandomGenerator random, Collection<? extends ServerView> servers) {
        super(servers, Roster.Member::currentWeight, WeightedDraw::of);
        if (draws < 1) {
            throw new IllegalArgumentException("balance random needs at least 1 draw, not " + draws);
        }
        this.draws = draws;
        this.random = random;
    }

    @Override
    public Optional<ServerView> pick(RequestContext request) {
        Current<WeightedDraw> current = current();
        if (current.empty()) {
            return current.backupServer();
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            ServerView winner = leastLoadedOfDraws(current.table());
            if (winner.usable()) {
                return Optional.of(winner);
            }
        }
        return Optional.empty();
    }

    private ServerView leastLoadedOfDraws(WeightedDraw servers) {
        ServerView best;
        synchronized (random) {
            best = servers.draw(random);
            for (int i = 1; i < draws; i++) {
                ServerView other = servers.draw(random);
                if (lessLoaded(other, best)) {
                    best = other;
                }
            }
        }
        return best;
    }

    /** Connections per weight, compared by cross-multiplying. */
    private static boolean lessLoaded(ServerView a, ServerView b) {
        return (long) a.activeConnections() * Math.max(1, b.weight())
                < (long) b.activeConnections() * Math.max(1, a.weight());
    }
}
