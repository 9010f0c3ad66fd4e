package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.ServerView;
import dev.fulcrum.sched.common.SnapshotScheduler;
import dev.fulcrum.sched.common.Tiers;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * IPVS {@code rr} (net/netfilter/ipvs/ip_vs_rr.c): the usable servers in list order, one after the
 * other, skipping the ones that cannot take a connection. The sequence is precomputed on each hook; a
 * pick is one atomic increment (O(1)).
 */
final class RoundRobin extends SnapshotScheduler<List<ServerView>> {

    private final AtomicInteger next = new AtomicInteger();

    RoundRobin(List<ServerView> servers) {
        super(servers, Tiers::usable);
    }

    @Override
    public Optional<ServerView> pick(RequestContext request) {
        List<ServerView> sequence = snapshot();
        int size = sequence.size();
        // Masked to stay non-negative: after 2^31 picks the position jumps once, harmless for a rotation.
        int first = size == 0 ? 0 : (next.getAndIncrement() & Integer.MAX_VALUE) % size;
        // A pick can run between a state change and its hook: step over servers no longer usable.
        for (int i = 0; i < size; i++) {
            ServerView server = sequence.get((first + i) % size);
            if (available(server)) {
                return Optional.of(server);
            }
        }
        return Optional.empty();
    }
}
