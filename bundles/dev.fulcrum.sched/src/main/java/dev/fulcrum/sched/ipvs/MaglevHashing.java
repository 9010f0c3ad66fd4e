package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.model.lvs.SchedulerFlags;
import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.ServerView;
import dev.fulcrum.sched.common.AddressKey;
import dev.fulcrum.sched.common.Hash64;
import dev.fulcrum.sched.common.SnapshotScheduler;
import dev.fulcrum.sched.common.Tiers;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * IPVS {@code mh} (net/netfilter/ipvs/ip_vs_mh.c): the source address (and source port with
 * {@code mh-port}, flag-2) hashed into a {@link MaglevTable}. An unusable server's clients get no server,
 * or with {@code mh-fallback} (flag-1) another one by the kernel's rehash walk. The table is rebuilt on
 * each hook (O(table size x servers) at worst); a pick is O(1).
 */
final class MaglevHashing extends SnapshotScheduler<ServerView[]> {

    private static final long KEY_SEED = 0x6d68_6b65_7973_6565L;

    private final boolean fallback;
    private final boolean withPort;

    /** @param tableSize a prime, {@link MaglevTable#DEFAULT_SIZE} unless a test wants another prime */
    MaglevHashing(SchedulerFlags flags, int tableSize, List<ServerView> servers) {
        super(servers, tables(MaglevTable.checkedSize(tableSize)));
        this.fallback = flags.flag1();
        this.withPort = flags.flag2();
    }

    private static Function<List<ServerView>, ServerView[]> tables(int size) {
        return list -> MaglevTable.build(Tiers.hashMembers(list), size);
    }

    @Override
    public Optional<ServerView> pick(RequestContext request) {
        ServerView[] table = snapshot();
        AddressKey source = AddressKey.of(request.sourceAddress());
        int port = withPort ? request.sourcePort() : 0;
        return BucketTable.lookup(table,
                offset -> (int) Long.remainderUnsigned(Hash64.of(source, port, offset, KEY_SEED), table.length),
                fallback, availability);
    }
}
