package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.ServerView;
import dev.fulcrum.sched.common.AddressKey;
import dev.fulcrum.sched.common.SnapshotScheduler;
import dev.fulcrum.sched.common.Tiers;
import java.util.List;
import java.util.Optional;

/**
 * IPVS {@code dh} (net/netfilter/ipvs/ip_vs_dh.c): the destination address hashed into a 256-bucket
 * table filled with the servers in turn, one bucket each; the kernel ignores weights here except that
 * weight 0 makes a server unavailable. An unavailable server's destinations get no server (dh has no
 * fallback flag). The table is rebuilt on each hook; a pick is O(1).
 */
final class DestinationHashing extends SnapshotScheduler<ServerView[]> {

    /** The multiplicative constant of ip_vs_dh_hashkey() (2654435761, Knuth's golden ratio prime). */
    private static final long MULTIPLIER = 2654435761L;

    DestinationHashing(List<ServerView> servers) {
        super(servers, list -> BucketTable.fill(Tiers.hashMembers(list), server -> 1));
    }

    @Override
    public Optional<ServerView> pick(RequestContext request) {
        int folded = AddressKey.of(request.destinationAddress()).fold();
        return BucketTable.lookup(snapshot(), offset -> bucket(folded), false, availability);
    }

    /** ip_vs_dh_hashkey(): {@code (ntohl(addr_fold) * 2654435761UL) & mask}. */
    static int bucket(int folded) {
        return (int) (((folded & 0xffffffffL) * MULTIPLIER) & (BucketTable.SIZE - 1));
    }
}
