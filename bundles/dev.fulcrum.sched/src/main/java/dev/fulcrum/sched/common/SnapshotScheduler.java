package dev.fulcrum.sched.common;

import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.ServerView;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Base of the algorithms whose pick reads a precomputed, immutable structure (a sequence, a hash table):
 * each hook rebuilds it from the server list under a lock and publishes it through a volatile field, so
 * picks never lock and never see a half-built structure. Connection counts do not feed these structures,
 * so {@link #connectionsChanged} keeps its no-op default.
 *
 * @param <S> the precomputed structure
 */
public abstract class SnapshotScheduler<S> implements Scheduler {

    private final ServerList servers;
    private final Function<List<ServerView>, S> build;
    private volatile S snapshot;

    /** @param build makes the structure from the servers in list order (it must not keep the list mutable) */
    protected SnapshotScheduler(Collection<? extends ServerView> servers, Function<List<ServerView>, S> build) {
        this.servers = new ServerList(servers);
        this.build = build;
        this.snapshot = build.apply(this.servers.inOrder());
    }

    protected final S snapshot() {
        return snapshot;
    }

    @Override
    public final synchronized void serverAdded(ServerView server) {
        servers.put(server);
        snapshot = build.apply(servers.inOrder());
    }

    @Override
    public final synchronized void serverRemoved(ServerView server) {
        servers.remove(server);
        snapshot = build.apply(servers.inOrder());
    }

    @Override
    public final synchronized void serverChanged(ServerView server) {
        serverAdded(server);
    }
}
