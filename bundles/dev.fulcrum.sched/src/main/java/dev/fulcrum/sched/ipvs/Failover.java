package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.ServerView;
import dev.fulcrum.sched.common.SnapshotScheduler;
import dev.fulcrum.sched.common.Tiers;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * IPVS {@code fo} (net/netfilter/ipvs/ip_vs_fo.c): every connection to the usable server with the
 * highest weight, the first in list order on equal weights (the kernel replaces its candidate only on a
 * strictly higher weight). The hooks keep the usable servers sorted by weight (a stable sort keeps list
 * order among equals); a pick takes the head (O(1)).
 */
final class Failover extends SnapshotScheduler<List<ServerView>> {

    Failover(List<ServerView> servers) {
        super(servers, list -> Tiers.usable(list).stream()
                .sorted(Comparator.comparingInt(ServerView::weight).reversed())
                .toList());
    }

    @Override
    public Optional<ServerView> pick(RequestContext request) {
        // The head is normally usable; a later one only while a state change awaits its hook.
        for (ServerView server : snapshot()) {
            if (available(server)) {
                return Optional.of(server);
            }
        }
        return Optional.empty();
    }
}
