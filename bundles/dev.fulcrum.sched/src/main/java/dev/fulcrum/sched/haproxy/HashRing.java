package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.ServerView;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * configuration.txt 4.2 "hash-type consistent": each server owns {@value #POINTS_PER_WEIGHT} points per
 * unit of its current weight on a ring of 64-bit hashes; a key goes to the owner of the first point at or
 * after its hash (wrapping round). A server's points depend only on its id, so when a server goes down
 * only the keys it owned move ("when a server goes up or down, only its associations are moved").
 *
 * <p>Each point is one sorted {@code long}: the high bits are the point's hash, the low
 * {@value #OWNER_BITS} bits the index of its server. A bucket index over the top bits of the hashes (about
 * one bucket per point) says where each bucket's points start, so a lookup reads one bucket bound and
 * scans about one point instead of bisecting a large array: O(1) expected; built in O(P log P).
 */
final class HashRing implements HashTable {

    static final int POINTS_PER_WEIGHT = 16;
    private static final int OWNER_BITS = 20;
    private static final long OWNER_MASK = (1L << OWNER_BITS) - 1;
    /** Points tried after one whose server is unusable. */
    private static final int ATTEMPTS = 4 * POINTS_PER_WEIGHT;

    private final long[] points;
    private final ServerView[] owners;
    private final int bucketBits;
    /** {@code bucketStarts[b]}: the index of the first point in bucket b or after it; one more at the end. */
    private final int[] bucketStarts;

    private HashRing(long[] points, ServerView[] owners, int bucketBits) {
        this.points = points;
        this.owners = owners;
        this.bucketBits = bucketBits;
        this.bucketStarts = new int[(1 << bucketBits) + 1];
        int next = 0;
        for (int bucket = 0; bucket < bucketStarts.length; bucket++) {
            while (next < points.length && bucketOf(points[next]) < bucket) {
                next++;
            }
            bucketStarts[bucket] = next;
        }
    }

    /** The bucket of a point or key: its top bits, read so that bucket order is the (signed) sort order. */
    private int bucketOf(long value) {
        return (int) ((value ^ Long.MIN_VALUE) >>> (Long.SIZE - bucketBits));
    }

    /** The ring of the members with their current weights, at most {@value #OWNER_BITS}-bit many servers. */
    static HashRing of(List<Roster.Member> members) {
        return of(members, 0);
    }

    /** With {@code 2^bucketBits} buckets; 0 chooses about one per point (tests compare with a single bucket). */
    static HashRing of(List<Roster.Member> members, int bucketBits) {
        if (members.size() > OWNER_MASK) {
            throw new IllegalArgumentException("at most " + OWNER_MASK + " servers per consistent-hash ring");
        }
        ServerView[] owners = members.stream().map(Roster.Member::view).toArray(ServerView[]::new);
        int[] counts = Arrays.stream(owners)
                .mapToInt(s -> POINTS_PER_WEIGHT * Math.min(WeightedMap.MAX_WEIGHT, Math.max(1, s.weight())))
                .toArray();
        long[] points = new long[Arrays.stream(counts).sum()];
        int next = 0;
        for (int owner = 0; owner < owners.length; owner++) {
            long seed = Hashing.of(owners[owner].id());
            for (int i = 0; i < counts[owner]; i++) {
                points[next++] = (Hashing.mix(seed + i * 0x9E3779B97F4A7C15L) & ~OWNER_MASK) | owner;
            }
        }
        Arrays.sort(points);
        int bits = bucketBits > 0 ? bucketBits
                : Math.max(1, Math.min(24, 31 - Integer.numberOfLeadingZeros(Math.max(1, points.length))));
        return new HashRing(points, owners, bits);
    }

    @Override
    public Optional<ServerView> lookup(long hash) {
        if (points.length == 0) {
            return Optional.empty();
        }
        long key = hash & ~OWNER_MASK;
        int bucket = bucketOf(key);
        int start = bucketStarts[bucket];
        int end = bucketStarts[bucket + 1];
        while (start < end && points[start] < key) {
            start++;
        }
        for (int i = 0; i < ATTEMPTS && i < points.length; i++) {
            ServerView server = owners[(int) (points[(start + i) % points.length] & OWNER_MASK)];
            if (server.usable()) {
                return Optional.of(server);
            }
        }
        return Optional.empty();
    }
}
