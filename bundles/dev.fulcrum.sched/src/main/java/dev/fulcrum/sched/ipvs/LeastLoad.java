package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.ServerView;
import dev.fulcrum.sched.common.Load;
import dev.fulcrum.sched.common.LoadIndex;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * IPVS {@code lc}, {@code wlc}, {@code sed}, {@code nq} and {@code ovf}: the least loaded usable server in
 * the given {@link LoadOrders order}, among those the algorithm admits. The kernel scans all destinations
 * per connection (O(n)); here the hooks keep a {@link LoadIndex} ordered (O(log n) per change) and a pick
 * reads its head (O(1)).
 */
final class LeastLoad implements Scheduler {

    private final LoadIndex index;

    LeastLoad(Comparator<Load> order, List<ServerView> servers) {
        this(order, load -> true, servers);
    }

    LeastLoad(Comparator<Load> order, Predicate<Load> admits, List<ServerView> servers) {
        this.index = new LoadIndex(order, admits, servers);
    }

    @Override
    public Optional<ServerView> pick(RequestContext request) {
        return index.least();
    }

    @Override
    public void serverAdded(ServerView server) {
        index.update(server);
    }

    @Override
    public void serverRemoved(ServerView server) {
        index.remove(server);
    }

    @Override
    public void serverChanged(ServerView server) {
        index.update(server);
    }

    @Override
    public void connectionsChanged(ServerView server) {
        index.update(server);
    }
}
