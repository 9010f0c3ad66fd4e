package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.model.lvs.SchedulerFlags;
import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.ServerView;
import dev.fulcrum.sched.common.AddressKey;
import dev.fulcrum.sched.common.SnapshotScheduler;
import dev.fulcrum.sched.common.Tiers;
import java.util.List;
import java.util.Optional;

/**
 * IPVS {@code sh} (net/netfilter/ipvs/ip_vs_sh.c): the client's source address (and source port with
 * {@code sh-port}, flag-2) hashed into a 256-bucket table where each server holds as many consecutive
 * buckets as its weight. An unusable server's clients get no server, or with {@code sh-fallback}
 * (flag-1) another one by the kernel's rehash walk. The table is rebuilt on each hook; a pick is O(1).
 */
final class SourceHashing extends SnapshotScheduler<ServerView[]> {

    /** GOLDEN_RATIO_32 of include/linux/hash.h, the multiplier of hash_32(). */
    private static final int GOLDEN_RATIO_32 = 0x61C88647;

    private final boolean fallback;
    private final boolean withPort;

    SourceHashing(SchedulerFlags flags, List<ServerView> servers) {
        super(servers, list -> BucketTable.fill(Tiers.hashMembers(list), ServerView::weight));
        this.fallback = flags.flag1();
        this.withPort = flags.flag2();
    }

    @Override
    public Optional<ServerView> pick(RequestContext request) {
        int folded = AddressKey.of(request.sourceAddress()).fold();
        int port = withPort ? request.sourcePort() : 0;
        return BucketTable.lookup(snapshot(), offset -> bucket(folded, port, offset), fallback, availability);
    }

    /** ip_vs_sh_hashkey(): {@code (offset + hash_32(port + addr_fold, 8)) & mask}. */
    static int bucket(int folded, int port, int offset) {
        int hash = ((port + folded) * GOLDEN_RATIO_32) >>> (Integer.SIZE - BucketTable.BITS);
        return (offset + hash) & (BucketTable.SIZE - 1);
    }
}
