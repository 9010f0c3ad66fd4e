package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.ServerView;
import java.time.InstantSource;
import java.util.Collection;

/**
 * configuration.txt 4.2 "balance roundrobin": each server in turn according to its weight, smoothly
 * interleaved (the order of {@link SmoothCycle}), dynamic (a weight change applies from the next pick)
 * and with the 5.2 "slowstart" ramp. Backups: the first usable one by position when no regular server is
 * usable. Under one lock, a pick costs O(1) from the cycle {@link RoundRobinQueue} lays out ahead, or
 * O(log c) for a server whose weight moved since; a hook costs O(log c), and a server still ramping one
 * re-weighing per clock millisecond.
 */
final class RoundRobinScheduler extends DynamicScheduler<RoundRobinQueue.Entry, RoundRobinQueue> {

    RoundRobinScheduler(InstantSource clock, Collection<? extends ServerView> servers) {
        super(new RoundRobinQueue(), clock, servers);
    }

    @Override
    RoundRobinQueue.Entry join(ServerView server, long order, int weight, boolean ramping) {
        return queue.join(server, order, weight, ramping);
    }

    @Override
    void leave(RoundRobinQueue.Entry entry) {
        queue.leave(entry);
    }

    @Override
    void refresh(RoundRobinQueue.Entry entry, int weight, boolean ramping) {
        queue.reweigh(entry, weight, ramping);
    }

    @Override
    ServerView viewOf(RoundRobinQueue.Entry entry) {
        return entry.view;
    }
}
