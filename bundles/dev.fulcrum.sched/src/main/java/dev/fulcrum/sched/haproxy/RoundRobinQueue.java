package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.ServerView;
import java.util.TreeMap;

/**
 * The turns of configuration.txt 4.2 "balance roundrobin", laid out ahead so that a pick is mostly an
 * index increment: the servers take turns from a cycle of W slots for a total weight W in the smooth order
 * of {@link SmoothCycle}, repeated.
 *
 * <p>Servers whose weight is still moving, those in their 5.2 "slowstart" ramp and those that joined or
 * changed weight since the cycle was laid out, take turns in a small live {@link WeightClassQueue}
 * instead (O(log c) per turn); the cycle skips the slots of servers that left it, and the two groups are
 * interleaved evenly in proportion to their weights. The cycle is laid out again (O(W log c)) at the first
 * pick after a change once as many picks as it has slots have gone by since the last layout, so a weight
 * change costs O(log c) at once and the layouts cost at most O(log c) per pick spread over the picks. Not
 * thread-safe.
 */
final class RoundRobinQueue implements ServerQueue {

    /** A server with its weight, in the cycle or in the live queue. */
    static final class Entry {
        final ServerView view;
        private final long order;
        private int weight;
        private boolean ramping;
        /** Whether the current cycle has its slots (false once it left or changed weight). */
        private boolean inCycle;
        /** Its place in the live queue, or null. */
        private WeightClassQueue.Member live;

        private Entry(ServerView view, long order) {
            this.view = view;
            this.order = order;
        }
    }

    private static final Entry[] NO_SLOTS = {};

    /** Every queued server by position in the pool: the cycle lays its weight classes out in this order. */
    private final TreeMap<Long, Entry> entries = new TreeMap<>();
    private final WeightClassQueue liveQueue = new WeightClassQueue();
    private Entry[] cycle = NO_SLOTS;
    /** The cycle's slot whose turn is next. */
    private int turn;
    private long cycleWeight;
    private long liveWeight;
    /** Servers joined, left or changed weight since the cycle was laid out. */
    private boolean changed;
    private long picksSinceLayout;
    /** The live group's progress towards its next turn, in 1/(cycle + live weight) of a turn. */
    private long liveCredit;

    @Override
    public boolean isEmpty() {
        return cycleWeight == 0 && liveWeight == 0;
    }

    /** @param ramping whether the weight is a slow-start step that will change again */
    Entry join(ServerView view, long order, int weight, boolean ramping) {
        Entry entry = new Entry(view, order);
        entries.put(order, entry);
        goLive(entry, weight, ramping);
        return entry;
    }

    void leave(Entry entry) {
        entries.remove(entry.order);
        leaveGroup(entry);
    }

    /** A new weight, or the end of the ramp: the server takes its turns in the live queue until the next layout. */
    void reweigh(Entry entry, int weight, boolean ramping) {
        int capped = capped(weight);
        if (capped == entry.weight && ramping == entry.ramping) {
            return;
        }
        if (entry.live != null && entry.ramping && ramping) {
            liveQueue.reweigh(entry.live, capped); // a ramp step
            liveWeight += capped - entry.weight;
            entry.weight = capped;
            keepCreditBelowTotal();
            return;
        }
        leaveGroup(entry);
        goLive(entry, weight, ramping);
    }

    @Override
    public ServerView next() {
        if (changed && picksSinceLayout >= cycle.length) {
            layOut();
        }
        picksSinceLayout++;
        if (liveWeight > 0 && (cycleWeight == 0 || liveTurn())) {
            return liveQueue.next();
        }
        while (true) { // ends: cycleWeight > 0, so a slot of the cycle is still held
            Entry entry = cycle[turn];
            if (++turn == cycle.length) {
                turn = 0;
            }
            if (entry.inCycle) {
                return entry.view;
            }
        }
    }

    private void goLive(Entry entry, int weight, boolean ramping) {
        entry.weight = capped(weight);
        entry.ramping = ramping;
        entry.live = liveQueue.join(entry.view, entry.order, entry.weight);
        liveWeight += entry.weight;
        changed = true;
        keepCreditBelowTotal();
    }

    private void leaveGroup(Entry entry) {
        if (entry.live != null) {
            liveQueue.leave(entry.live);
            entry.live = null;
            liveWeight -= entry.weight;
        } else if (entry.inCycle) {
            entry.inCycle = false;
            cycleWeight -= entry.weight;
        }
        changed = true;
        keepCreditBelowTotal();
    }

    /**
     * Lays the cycle out again over every server not ramping, in pool order; the turn moves to the same
     * fraction of the new cycle, so frequent changes do not keep favouring the servers laid out first.
     */
    private void layOut() {
        Entry[] settled = entries.values().stream().filter(e -> !e.ramping).toArray(Entry[]::new);
        int[] weights = new int[settled.length];
        for (int i = 0; i < settled.length; i++) {
            Entry entry = settled[i];
            weights[i] = entry.weight;
            if (entry.live != null) {
                liveQueue.leave(entry.live);
                entry.live = null;
                liveWeight -= entry.weight;
                cycleWeight += entry.weight;
            }
            entry.inCycle = true;
        }
        int[] holders = SmoothCycle.layOut(weights);
        Entry[] fresh = new Entry[holders.length];
        for (int i = 0; i < holders.length; i++) {
            fresh[i] = settled[holders[i]];
        }
        turn = cycle.length == 0 ? 0 : (int) ((long) turn * fresh.length / cycle.length);
        cycle = fresh;
        changed = false;
        picksSinceLayout = 0;
        keepCreditBelowTotal();
    }

    /**
     * Whether this pick goes to the live group: it earns its share of a turn at every pick and takes a turn
     * each time a whole one is earned, so its turns come evenly spaced among the cycle's (a Bresenham line
     * of slope live / total weight).
     */
    private boolean liveTurn() {
        long total = cycleWeight + liveWeight;
        liveCredit += liveWeight;
        if (liveCredit >= total) {
            liveCredit -= total;
            return true;
        }
        return false;
    }

    /** After the totals changed: the credit stays below one turn, so no burst of live turns follows. */
    private void keepCreditBelowTotal() {
        liveCredit = Math.max(0, Math.min(liveCredit, cycleWeight + liveWeight - 1));
    }

    /** configuration.txt 5.2 "weight": at most 256, as the cycle takes them. */
    private static int capped(int weight) {
        return Math.max(1, Math.min(SmoothCycle.MAX_WEIGHT, weight));
    }
}
