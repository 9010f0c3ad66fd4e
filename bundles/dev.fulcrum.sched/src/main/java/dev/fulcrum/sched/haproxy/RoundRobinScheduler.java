package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.ServerView;
import java.time.InstantSource;
import java.util.Collection;

/**
 * configuration.txt 4.2 "balance roundrobin": each server in turn according to its weight, smoothly
 * interleaved ({@link WeightClassQueue}), dynamic (a weight change applies from the next pick) and with
 * the 5.2 "slowstart" ramp. Backups: the first usable one by position when no regular server is usable.
 * O(log c) per pick and per hook for c distinct weights, under one lock; a server still ramping costs
 * one re-weighing per clock millisecond.
 */
final class RoundRobinScheduler extends DynamicScheduler<WeightClassQueue.Member, WeightClassQueue> {

    RoundRobinScheduler(InstantSource clock, Collection<? extends ServerView> servers) {
        super(new WeightClassQueue(), clock, servers);
    }

    @Override
    WeightClassQueue.Member join(ServerView server, long order, int weight) {
        return queue.join(server, order, weight);
    }

    @Override
    void leave(WeightClassQueue.Member entry) {
        queue.leave(entry);
    }

    @Override
    void refresh(WeightClassQueue.Member entry, int weight) {
        queue.reweigh(entry, weight);
    }

    @Override
    ServerView viewOf(WeightClassQueue.Member entry) {
        return entry.view;
    }
}
