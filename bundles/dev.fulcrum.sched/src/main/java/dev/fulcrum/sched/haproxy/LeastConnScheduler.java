package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.ServerView;
import java.time.InstantSource;
import java.util.Collection;

/**
 * configuration.txt 4.2 "balance leastconn": the server with the fewest connections for its weight,
 * round robin among equals ({@link LoadQueue}). The counts come from
 * {@link ServerView#activeConnections()} when {@link #connectionsChanged} fires; the weight ramps up
 * during 5.2 "slowstart" (leastconn is dynamic). O(log n) per pick and per hook under one lock.
 * Backups: the first usable one by position when no regular server is usable.
 */
final class LeastConnScheduler extends DynamicScheduler<LoadQueue.Entry, LoadQueue> {

    LeastConnScheduler(InstantSource clock, Collection<? extends ServerView> servers) {
        super(new LoadQueue(), clock, servers);
    }

    @Override
    public synchronized void connectionsChanged(ServerView server) {
        LoadQueue.Entry entry = entryOf(server);
        if (entry != null) {
            queue.update(entry, server.activeConnections(), entry.weight());
        }
    }

    @Override
    LoadQueue.Entry join(ServerView server, long order, int weight, boolean ramping) {
        return queue.join(server, server.activeConnections(), weight);
    }

    @Override
    void leave(LoadQueue.Entry entry) {
        queue.leave(entry);
    }

    @Override
    void refresh(LoadQueue.Entry entry, int weight, boolean ramping) {
        int connections = entry.view.activeConnections();
        if (connections != entry.connections() || weight != entry.weight()) {
            queue.update(entry, connections, weight); // which also sends it behind its equals
        }
    }

    @Override
    ServerView viewOf(LoadQueue.Entry entry) {
        return entry.view;
    }
}
