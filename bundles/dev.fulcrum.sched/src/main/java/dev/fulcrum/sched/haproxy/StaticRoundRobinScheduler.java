package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.ServerView;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * configuration.txt 4.2 "balance static-rr": each server in turn according to the weight it was added
 * with ("changing a server's weight on the fly will have no effect"; a weight of 0 still takes it out),
 * from a {@link WeightedMap} rebuilt when a server comes or goes ("when a server goes up, it is always
 * immediately reintroduced into the farm, once the full map is recomputed"). A pick is one atomic
 * increment and an array read. Backups: the first usable one by position when no regular server is usable.
 */
final class StaticRoundRobinScheduler extends TableScheduler<WeightedMap> {

    private final AtomicLong turn = new AtomicLong();

    StaticRoundRobinScheduler(Collection<? extends ServerView> servers) {
        super(servers, Roster.Member::staticWeight, active -> WeightedMap.of(active, Roster.Member::staticWeight));
    }

    @Override
    public Optional<ServerView> pick(RequestContext request) {
        Current<WeightedMap> current = current();
        return current.empty() ? current.backupServer() : current.table().at(turn.getAndIncrement());
    }
}
