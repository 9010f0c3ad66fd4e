package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.ServerView;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * configuration.txt 4.2 "balance leastconn": the server with the fewest connections for its weight,
 * round robin among equals ({@link LoadQueue}). The counts come from
 * {@link ServerView#activeConnections()} when {@link #connectionsChanged} fires; the weight ramps up
 * during 5.2 "slowstart" (leastconn is dynamic). O(log n) per pick and per hook under one lock. Backups: the first usable one by position when no regular server is usable.
 */
final class LeastConnScheduler implements Scheduler {

    private final RampingServers ramping;
    private final Roster roster;
    private final LoadQueue queue = new LoadQueue();
    private final Map<String, LoadQueue.Entry> queued = new HashMap<>();

    LeastConnScheduler(InstantSource clock, Collection<? extends ServerView> servers) {
        this.ramping = new RampingServers(clock);
        this.roster = new Roster(servers);
        roster.members().forEach(this::requeue);
    }

    @Override
    public synchronized Optional<ServerView> pick(RequestContext request) {
        ramping.step(this::reweigh);
        return queue.nextUsable(roster);
    }

    @Override
    public synchronized void serverAdded(ServerView server) {
        requeue(roster.add(server));
    }

    @Override
    public synchronized void serverRemoved(ServerView server) {
        roster.remove(server).ifPresent(member -> dequeue(member.view()));
    }

    @Override
    public synchronized void serverChanged(ServerView server) {
        requeue(roster.changed(server));
    }

    @Override
    public synchronized void connectionsChanged(ServerView server) {
        LoadQueue.Entry entry = queued.get(server.id());
        if (entry != null && entry.view == server) {
            queue.update(entry, server.activeConnections(), entry.weight());
        }
    }

    private void requeue(Roster.Member member) {
        ServerView view = member.view();
        Instant now = ramping.now();
        int weight = SlowStart.effectiveWeight(view, now); // read once: the owner may change it meanwhile
        boolean active = member.active() && weight > 0;
        LoadQueue.Entry entry = queued.get(view.id());
        if (entry != null && (entry.view != view || !active)) {
            dequeue(view);
            entry = null;
        }
        if (!active) {
            return;
        }
        ramping.update(view, now);
        if (entry == null) {
            queued.put(view.id(), queue.join(view, view.activeConnections(), weight));
        } else {
            queue.update(entry, view.activeConnections(), weight);
        }
    }

    private void reweigh(ServerView server, int weight) {
        LoadQueue.Entry entry = queued.get(server.id());
        if (entry != null && entry.view == server && weight > 0 && weight != entry.weight()) {
            queue.update(entry, entry.connections(), weight);
        }
    }

    private void dequeue(ServerView server) {
        ramping.forget(server);
        LoadQueue.Entry entry = queued.remove(server.id());
        if (entry != null) {
            queue.leave(entry);
        }
    }
}
