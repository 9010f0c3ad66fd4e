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
 * configuration.txt 4.2 "balance roundrobin": each server in turn according to its weight, smoothly
 * interleaved ({@link WeightClassQueue}), dynamic (a weight change applies from the next pick) and with
 * the 5.2 "slowstart" ramp. Backups: the first usable one by position when no regular server is usable.
 * O(log c) per pick and per hook for c distinct weights, under one lock; a server still ramping costs
 * one re-weighing per clock millisecond.
 */
final class RoundRobinScheduler implements Scheduler {

    private final RampingServers ramping;
    private final Roster roster;
    private final WeightClassQueue queue = new WeightClassQueue();
    private final Map<String, WeightClassQueue.Member> queued = new HashMap<>();

    RoundRobinScheduler(InstantSource clock, Collection<? extends ServerView> servers) {
        this.ramping = new RampingServers(clock);
        this.roster = new Roster(servers);
        Instant now = ramping.now();
        roster.members().forEach(member -> requeue(member, now));
    }

    @Override
    public synchronized Optional<ServerView> pick(RequestContext request) {
        ramping.step(this::reweigh);
        return queue.nextUsable(roster);
    }

    @Override
    public synchronized void serverAdded(ServerView server) {
        requeue(roster.add(server), ramping.now());
    }

    @Override
    public synchronized void serverRemoved(ServerView server) {
        roster.remove(server).ifPresent(this::dequeue);
    }

    @Override
    public synchronized void serverChanged(ServerView server) {
        requeue(roster.changed(server), ramping.now());
    }

    /** Brings the server's place in the queue in line with its state, weight and ramp. */
    private void requeue(Roster.Member member, Instant now) {
        String id = member.view().id();
        WeightClassQueue.Member entry = queued.get(id);
        if (entry != null && entry.view != member.view()) {
            dequeue(member);
            entry = null;
        }
        int weight = SlowStart.effectiveWeight(member.view(), now);
        if (!member.active() || weight <= 0) {
            dequeue(member);
            return;
        }
        if (entry == null) {
            entry = queue.join(member.view(), member.order(), weight);
            queued.put(id, entry);
        } else if (entry.weight() != weight) {
            queue.reweigh(entry, weight);
        }
        ramping.update(member.view(), now);
    }

    private void dequeue(Roster.Member member) {
        WeightClassQueue.Member entry = queued.remove(member.view().id());
        ramping.forget(member.view());
        if (entry != null) {
            queue.leave(entry);
        }
    }

    private void reweigh(ServerView server, int weight) {
        WeightClassQueue.Member entry = queued.get(server.id());
        if (entry != null && entry.view == server && weight > 0 && weight != entry.weight()) {
            queue.reweigh(entry, weight);
        }
    }
}
