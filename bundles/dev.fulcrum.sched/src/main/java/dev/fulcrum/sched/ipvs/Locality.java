package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.ServerView;
import dev.fulcrum.sched.common.LoadIndex;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code lblc} and {@code lblcr} share: a {@link LoadIndex} in wlc order for (re)scheduling, as
 * their {@code __ip_vs_lblc_schedule()} / {@code __ip_vs_lblcr_schedule()} are wlc scans, and the
 * kernel's {@code is_overloaded()} test kept O(1) by tracking the lightly loaded servers in the hooks.
 */
abstract class Locality implements Scheduler {

    /** The default of the sysctls {@code lblc_expiration} and {@code lblcr_expiration}: 24 hours. */
    static final Duration EXPIRATION = Duration.ofHours(24);

    final LoadIndex index;
    private final Set<String> lightlyLoaded = ConcurrentHashMap.newKeySet();

    Locality(List<ServerView> servers) {
        this.index = new LoadIndex(LoadOrders.WEIGHTED_LEAST_CONNECTION, load -> true, servers);
        servers.forEach(this::track);
    }

    /**
     * is_overloaded() in ip_vs_lblc.c / ip_vs_lblcr.c: more active connections than its weight while some
     * server runs below half its weight ({@code activeconns * 2 < weight}).
     */
    final boolean overloaded(ServerView server) {
        return server.activeConnections() > server.weight() && !lightlyLoaded.isEmpty();
    }

    /** Drops what the cache remembers about a server that left the pool. */
    abstract void forget(ServerView removed);

    @Override
    public final void serverAdded(ServerView server) {
        index.update(server);
        track(server);
    }

    @Override
    public final void serverRemoved(ServerView server) {
        index.remove(server);
        lightlyLoaded.remove(server.id());
        forget(server);
    }

    @Override
    public final void serverChanged(ServerView server) {
        serverAdded(server);
    }

    @Override
    public final void connectionsChanged(ServerView server) {
        serverAdded(server);
    }

    private void track(ServerView server) {
        if (server.usable() && server.activeConnections() * 2L < server.weight()) {
            lightlyLoaded.add(server.id());
        } else {
            lightlyLoaded.remove(server.id());
        }
    }
}
