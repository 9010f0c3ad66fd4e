package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.sched.ServerView;
import dev.fulcrum.sched.common.Weights;
import dev.fulcrum.sched.common.Hash64;
import java.math.BigInteger;
import java.util.List;

/**
 * The Maglev lookup table of IPVS {@code mh} (net/netfilter/ipvs/ip_vs_mh.c; Eisenbud et al., "Maglev",
 * NSDI 2016, section 3.4). Each server gets a permutation of the table's slots from two hashes of its id
 * ({@code offset} and {@code skip}, the table size being prime so every skip visits every slot); the
 * servers then take turns claiming their next free slot until the table is full. Weights become turns
 * per round, as ip_vs_mh_populate() does, so shares follow weights and removing a server moves little
 * more than its own slots.
 */
final class MaglevTable {

    /**
     * The kernel's default: ip_vs_mh.c picks primes[CONFIG_IP_VS_MH_TAB_INDEX - 8] from (251, 509, 1021,
     * 2039, 4093, ...), and Kconfig's default index is 12.
     */
    static final int DEFAULT_SIZE = 4093;

    private static final long OFFSET_SEED = 0x6d68_6f66_6673_6574L;
    private static final long SKIP_SEED = 0x6d68_736b_6970_7365L;

    private MaglevTable() {
    }

    /** The size if it is a prime above 2 (every skip must visit every slot), otherwise a clear error. */
    static int checkedSize(int size) {
        if (size < 3 || !BigInteger.valueOf(size).isProbablePrime(32)) {
            throw new IllegalArgumentException("mh table size must be a prime above 2, got " + size);
        }
        return size;
    }

    /**
     * The table over the members (weight above 0), empty when there are none.
     *
     * @param size a prime above 2
     */
    static ServerView[] build(List<ServerView> members, int size) {
        if (members.isEmpty()) {
            return new ServerView[0];
        }
        int count = members.size();
        long[] next = new long[count];
        long[] skip = new long[count];
        int[] turns = turns(members, size);
        for (int i = 0; i < count; i++) {
            String id = members.get(i).id();
            next[i] = Long.remainderUnsigned(Hash64.of(id, OFFSET_SEED), size);
            skip[i] = Long.remainderUnsigned(Hash64.of(id, SKIP_SEED), size - 1) + 1;
        }
        ServerView[] table = new ServerView[size];
        int filled = 0;
        while (true) {
            for (int i = 0; i < count; i++) {
                for (int turn = 0; turn < turns[i]; turn++) {
                    while (table[(int) next[i]] != null) {
                        next[i] = (next[i] + skip[i]) % size;
                    }
                    table[(int) next[i]] = members.get(i);
                    if (++filled == size) {
                        return table;
                    }
                }
            }
        }
    }

    /**
     * ip_vs_mh_permutate() / ip_vs_mh_shift_weight(): turns per round are the weights divided by their gcd,
     * shifted right when the largest would exceed about the square root of the table size, at least 1.
     */
    private static int[] turns(List<ServerView> members, int size) {
        int gcd = Weights.gcd(members);
        int max = Weights.max(members);
        int tableBits = (Integer.SIZE - 1 - Integer.numberOfLeadingZeros(size)) / 2;
        int shift = Math.max(0, (Integer.SIZE - Integer.numberOfLeadingZeros(max / gcd)) - tableBits);
        int[] turns = new int[members.size()];
        for (int i = 0; i < turns.length; i++) {
            turns[i] = Math.max(1, (members.get(i).weight() / gcd) >> shift);
        }
        return turns;
    }
}
