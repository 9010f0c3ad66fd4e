package dev.fulcrum.sched.common;

import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.ServerView;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Base of the algorithms whose pick reads a precomputed, immutable structure (a sequence, a hash table):
 * each hook rebuilds it from the server list under a lock and publishes it through a volatile field, so
 * picks never lock and never see a half-built structure. Connection counts do not feed these structures;
 * they only move the {@link OverloadFlags} that {@link #available} consults.
 *
 * @param <S> the precomputed structure
 */
public abstract class SnapshotScheduler<S> implements Scheduler {

    private final ServerList servers;
    private final Function<List<ServerView>, S> build;
    private final OverloadFlags overload = new OverloadFlags();
    private volatile S snapshot;

    /** {@link #available} as a predicate, made once. */
    protected final Predicate<ServerView> availability = this::available;

    /** @param build makes the structure from the servers in list order (it must not keep the list mutable) */
    protected SnapshotScheduler(Collection<? extends ServerView> servers, Function<List<ServerView>, S> build) {
        this.servers = new ServerList(servers);
        this.build = build;
        this.snapshot = build.apply(this.servers.inOrder());
        servers.forEach(overload::update);
    }

    protected final S snapshot() {
        return snapshot;
    }

    /**
     * Whether a server of the structure may take a new connection now: usable (re-read live, as a pick
     * may run between a state change and its hook) and not over its connection threshold.
     */
    protected final boolean available(ServerView server) {
        return server.usable() && !overload.test(server);
    }

    @Override
    public final synchronized void serverAdded(ServerView server) {
        overload.update(server);
        servers.put(server);
        snapshot = build.apply(servers.inOrder());
    }

    @Override
    public final synchronized void serverRemoved(ServerView server) {
        overload.remove(server);
        servers.remove(server);
        snapshot = build.apply(servers.inOrder());
    }

    @Override
    public final synchronized void serverChanged(ServerView server) {
        serverAdded(server);
    }

    @Override
    public final void connectionsChanged(ServerView server) {
        overload.update(server);
    }
}
