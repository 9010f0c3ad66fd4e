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
 * {@value #OWNER_BITS} bits the index of its server. O(log P) per lookup for P points; built in
 * O(P log P).
 */
final class HashRing implements HashTable {

    static final int POINTS_PER_WEIGHT = 16;
    private static final int OWNER_BITS = 20;
    private static final long OWNER_MASK = (1L << OWNER_BITS) - 1;
    /** Points tried after one whose server is unusable. */
    private static final int ATTEMPTS = 4 * POINTS_PER_WEIGHT;

    private final long[] points;
    private final ServerView[] owners;

    private HashRing(long[] points, ServerView[] owners) {
        this.points = points;
        this.owners = owners;
    }

    /** The ring of the members with their current weights, at most {@value #OWNER_BITS}-bit many servers. */
    static HashRing of(List<Roster.Member> members) {
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
        return new HashRing(points, owners);
    }

    @Override
    public Optional<ServerView> lookup(long hash) {
        if (points.length == 0) {
            return Optional.empty();
        }
        int at = Arrays.binarySearch(points, hash & ~OWNER_MASK);
        int start = at >= 0 ? at : -at - 1;
        for (int i = 0; i < ATTEMPTS && i < points.length; i++) {
            ServerView server = owners[(int) (points[(start + i) % points.length] & OWNER_MASK)];
            if (server.usable()) {
                return Optional.of(server);
            }
        }
        return Optional.empty();
    }
}
