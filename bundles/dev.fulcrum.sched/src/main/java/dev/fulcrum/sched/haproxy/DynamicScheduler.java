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
 * What HAProxy's dynamic algorithms (configuration.txt 4.2: weights "may be adjusted on the fly for slow
 * starts for instance") share: a {@link ServerQueue} of the active servers at their effective weight
 * (5.2 "slowstart" included), kept in step by the hooks under one lock, and the backup rule when it is
 * empty. The subclass says how an entry joins, leaves and takes a new weight.
 *
 * @param <E> the queue's entry for one server
 * @param <Q> the queue
 */
abstract class DynamicScheduler<E, Q extends ServerQueue> implements Scheduler {

    final Q queue;
    private final RampingServers ramping;
    private final Roster roster;
    private final Map<String, E> queued = new HashMap<>();

    DynamicScheduler(Q queue, InstantSource clock, Collection<? extends ServerView> servers) {
        this.queue = queue;
        this.ramping = new RampingServers(clock);
        this.roster = new Roster(servers);
        Instant now = ramping.now();
        roster.members().forEach(member -> requeue(member, now));
    }

    /** @param ramping whether the weight is a 5.2 "slowstart" step that will change again */
    abstract E join(ServerView server, long order, int weight, boolean ramping);

    abstract void leave(E entry);

    /**
     * The entry's server and weight have been confirmed; refresh what the queue keeps of them.
     *
     * @param ramping whether the weight is a 5.2 "slowstart" step that will change again
     */
    abstract void refresh(E entry, int weight, boolean ramping);

    abstract ServerView viewOf(E entry);

    /**
     * The next usable server in turn; when no regular server is queued, the roster's first usable backup.
     * A queued server found out of service went so after its owner changed it and before the hook: the
     * pick takes the change in itself (the hook then finds nothing left to do), so the least loaded
     * server cannot stay on top of leastconn's queue and empty every pick until the hook arrives.
     */
    @Override
    public synchronized Optional<ServerView> pick(RequestContext request) {
        ramping.step(this::reweigh);
        for (int attempt = 0; attempt < ServerQueue.ATTEMPTS && !queue.isEmpty(); attempt++) {
            ServerView server = queue.next();
            if (server.usable()) {
                return Optional.of(server);
            }
            requeue(roster.changed(server), ramping.now());
        }
        return queue.isEmpty() ? roster.firstUsableBackup() : Optional.empty();
    }

    @Override
    public synchronized void serverAdded(ServerView server) {
        requeue(roster.add(server), ramping.now());
    }

    @Override
    public synchronized void serverRemoved(ServerView server) {
        roster.remove(server).ifPresent(member -> dequeue(member.view()));
    }

    @Override
    public synchronized void serverChanged(ServerView server) {
        requeue(roster.changed(server), ramping.now());
    }

    /** The queued entry of this very server (not of an earlier view with its id), or null. */
    final synchronized E entryOf(ServerView server) {
        E entry = queued.get(server.id());
        return entry != null && viewOf(entry) == server ? entry : null;
    }

    /** Brings the server's place in the queue in line with its state, weight and ramp. */
    private void requeue(Roster.Member member, Instant now) {
        ServerView view = member.view();
        int weight = SlowStart.effectiveWeight(view, now); // read once: the owner may change it meanwhile
        boolean ramps = SlowStart.ramping(view, now);
        E entry = queued.get(view.id());
        if (entry != null && viewOf(entry) != view || !member.active() || weight <= 0) {
            dequeue(view);
            entry = null;
        }
        if (!member.active() || weight <= 0) {
            return;
        }
        if (entry == null) {
            queued.put(view.id(), join(view, member.order(), weight, ramps));
        } else {
            refresh(entry, weight, ramps);
        }
        ramping.update(view, now);
    }

    private void reweigh(ServerView server, int weight, boolean ramps) {
        E entry = entryOf(server);
        if (entry != null && weight > 0) {
            refresh(entry, weight, ramps);
        }
    }

    private void dequeue(ServerView server) {
        ramping.forget(server);
        E entry = queued.remove(server.id());
        if (entry != null) {
            leave(entry);
        }
    }
}
