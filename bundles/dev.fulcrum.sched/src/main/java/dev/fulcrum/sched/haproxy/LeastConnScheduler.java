package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.ServerView;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * configuration.txt 4.2 "balance leastconn": the server with the fewest connections for its weight,
 * round robin among equals ({@link LoadQueue}). The counts come from
 * {@link ServerView#activeConnections()} when {@link #connectionsChanged} fires. O(log n) per pick and
 * per hook under one lock. Backups: the first usable one by position when no regular server is usable.
 */
final class LeastConnScheduler implements Scheduler {

    private final Roster roster;
    private final LoadQueue queue = new LoadQueue();
    private final Map<String, LoadQueue.Entry> queued = new HashMap<>();

    LeastConnScheduler(Collection<? extends ServerView> servers) {
        this.roster = new Roster(servers);
        roster.members().forEach(this::requeue);
    }

    @Override
    public synchronized Optional<ServerView> pick(RequestContext request) {
        return queue.nextUsable(roster);
    }

    @Override
    public synchronized void serverAdded(ServerView server) {
        requeue(roster.add(server));
    }

    @Override
    public synchronized void serverRemoved(ServerView server) {
        roster.remove(server).ifPresent(member -> dequeue(member.view().id()));
    }

    @Override
    public synchronized void serverChanged(ServerView server) {
        requeue(roster.changed(server));
    }

    @Override
    public synchronized void connectionsChanged(ServerView server) {
        LoadQueue.Entry entry = queued.get(server.id());
        int weight = server.weight();
        if (entry != null && entry.view == server && weight > 0) {
            queue.update(entry, server.activeConnections(), weight);
        }
    }

    private void requeue(Roster.Member member) {
        ServerView view = member.view();
        int weight = view.weight(); // read once: the owner may change it again while we are here
        boolean active = member.active() && weight > 0;
        LoadQueue.Entry entry = queued.get(view.id());
        if (entry != null && (entry.view != view || !active)) {
            dequeue(view.id());
            entry = null;
        }
        if (!active) {
            return;
        }
        if (entry == null) {
            queued.put(view.id(), queue.join(view, view.activeConnections(), weight));
        } else {
            queue.update(entry, view.activeConnections(), weight);
        }
    }

    private void dequeue(String id) {
        LoadQueue.Entry entry = queued.remove(id);
        if (entry != null) {
            queue.leave(entry);
        }
    }
}
