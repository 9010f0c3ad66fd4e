package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.sched.ServerView;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * The static hash tables of {@code dh} and {@code sh}: {@value #SIZE} buckets
 * ({@code IP_VS_DH_TAB_BITS} = {@code IP_VS_SH_TAB_BITS} = 8) filled by walking the destination list,
 * and the lookup with the optional fallback walk shared with {@code mh}.
 */
final class BucketTable {

    static final int BITS = 8;
    static final int SIZE = 1 << BITS;

    private BucketTable() {
    }

    /**
     * ip_vs_dh_reassign() / ip_vs_sh_reassign(): bucket after bucket, the current server takes
     * {@code run(server)} consecutive buckets (1 for dh, its weight for sh), then the next server in
     * list order, wrapping around. Empty when there are no members.
     */
    static ServerView[] fill(List<ServerView> members, ToIntFunction<ServerView> run) {
        if (members.isEmpty()) {
            return new ServerView[0];
        }
        ServerView[] buckets = new ServerView[SIZE];
        int member = 0;
        int taken = 0;
        for (int i = 0; i < SIZE; i++) {
            ServerView server = members.get(member);
            buckets[i] = server;
            if (++taken >= run.applyAsInt(server)) {
                member = (member + 1) % members.size();
                taken = 0;
            }
        }
        return buckets;
    }

    /**
     * The server in the key's bucket if it is {@code available}. Otherwise, with {@code fallback}
     * (flag-1: {@code sh-fallback}, {@code mh-fallback}), the kernel's walk (ip_vs_sh_get_fallback(),
     * ip_vs_mh_get_fallback()): rehash the key with offsets starting at its own bucket until a usable
     * server turns up, at most once round the table.
     *
     * @param bucketAt the key's bucket for a hash offset (offset 0 is the plain lookup)
     */
    static Optional<ServerView> lookup(ServerView[] table, IntUnaryOperator bucketAt, boolean fallback,
            Predicate<ServerView> available) {
        if (table.length == 0) {
            return Optional.empty();
        }
        int home = bucketAt.applyAsInt(0);
        ServerView server = table[home];
        if (available.test(server)) {
            return Optional.of(server);
        }
        if (!fallback) {
            return Optional.empty();
        }
        for (int offset = 0; offset < table.length; offset++) {
            ServerView candidate = table[bucketAt.applyAsInt((offset + home) % table.length)];
            if (available.test(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
