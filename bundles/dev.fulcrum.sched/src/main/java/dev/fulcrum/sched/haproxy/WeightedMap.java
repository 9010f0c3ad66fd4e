package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.ServerView;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * HAProxy's static map: an array in which each server holds as many slots as its weight, laid out in
 * the smooth round-robin order of {@link SmoothCycle}. "static-rr" walks it with a counter;
 * "hash-type map-based" takes slot {@code hash mod total weight} (configuration.txt 4.2
 * "balance source": "hashed and divided by the total weight of the running servers"; "hash-type
 * map-based": "a static array containing all alive servers").
 * O(1) per lookup; built in O(n + W log c) for a total weight W over c distinct weights.
 */
final class WeightedMap implements HashTable {

    /** configuration.txt 5.2 "weight": "an integer between 0 and 256". */
    static final int MAX_WEIGHT = SmoothCycle.MAX_WEIGHT;
    /** Slots probed after an unusable one before giving up. */
    private static final int ATTEMPTS = 4;

    private final ServerView[] slots;

    private WeightedMap(ServerView[] slots) {
        this.slots = slots;
    }

    /**
     * The map over the members (in pool order) with the weight {@code weightOf} gives them; weights share their
     * greatest common divisor out (equal weights make a map of one slot per server) and count at most
     * {@value #MAX_WEIGHT}.
     */
    static WeightedMap of(List<Roster.Member> members, ToIntFunction<Roster.Member> weightOf) {
        int[] weights = members.stream().mapToInt(m -> Math.min(MAX_WEIGHT, Math.max(1, weightOf.applyAsInt(m))))
                .toArray();
        int[] holders = SmoothCycle.layOut(weights);
        ServerView[] slots = new ServerView[holders.length];
        for (int i = 0; i < holders.length; i++) {
            slots[i] = members.get(holders[i]).view();
        }
        return new WeightedMap(slots);
    }

    int size() {
        return slots.length;
    }

    /** The server in slot {@code index mod size}, or a usable one after it; only when size > 0. */
    Optional<ServerView> at(long index) {
        int slot = (int) Long.remainderUnsigned(index, slots.length);
        for (int i = 0; i < ATTEMPTS && i < slots.length; i++) {
            ServerView server = slots[slot];
            if (server.usable()) {
                return Optional.of(server);
            }
            slot = slot + 1 == slots.length ? 0 : slot + 1; // one division per lookup, not one per slot tried
        }
        return Optional.empty();
    }

    @Override
    public Optional<ServerView> lookup(long hash) {
        return slots.length == 0 ? Optional.empty() : at(hash);
    }
}
