package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.ServerView;
import dev.fulcrum.sched.common.SnapshotScheduler;
import dev.fulcrum.sched.common.Tiers;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * IPVS {@code wrr} (net/netfilter/ipvs/ip_vs_wrr.c): the kernel's gcd-stepped sequence, precomputed as a
 * {@link WrrCycle} on each hook. A pick is an atomic increment and a binary search over the cycle's runs
 * (O(log distinct weights)). After a change the counter continues over the new cycle, where the kernel's
 * {@code ip_vs_wrr_dest_changed} restarts its walk at the list head; the shares are the same.
 */
final class WeightedRoundRobin extends SnapshotScheduler<WrrCycle> {

    private final AtomicLong next = new AtomicLong();

    WeightedRoundRobin(List<ServerView> servers) {
        super(servers, list -> WrrCycle.of(Tiers.usable(list)));
    }

    @Override
    public Optional<ServerView> pick(RequestContext request) {
        WrrCycle cycle = snapshot();
        long length = cycle.length();
        if (length == 0) {
            return Optional.empty();
        }
        long first = (next.getAndIncrement() & Long.MAX_VALUE) % length;
        // Between a state change and its hook the cycle may name a server no longer usable: move on,
        // trying at most one cycle's worth (the first usable one is normally next).
        for (long i = 0; i < length; i++) {
            ServerView server = cycle.at((first + i) % length);
            if (available(server)) {
                return Optional.of(server);
            }
        }
        return Optional.empty();
    }
}
