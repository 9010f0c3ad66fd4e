package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.ServerView;
import java.util.List;
import java.util.TreeMap;

/**
 * The turns of configuration.txt 4.2 "balance roundrobin", laid out ahead so that a pick is an index
 * increment. Servers at their settled weight take turns from a {@link WeightedMap}: one whole cycle of W
 * turns for a total weight W in the smooth order of {@link SmoothCycle}, repeated. The map is rebuilt at
 * the first pick after a settled server joined, left or changed weight, so a burst of changes costs one
 * rebuild (O(W log c) for c distinct weights, a few milliseconds for 1,000 servers of weights up to 256)
 * and the picks between changes cost O(1).
 *
 * <p>Servers in their 5.2 "slowstart" ramp change weight every clock millisecond, too often for a
 * rebuild: they take turns in a small live {@link WeightClassQueue} instead, and the two groups are
 * interleaved evenly in proportion to their total weights. A server that ends its ramp joins the map (one
 * rebuild). Not thread-safe.
 */
final class RoundRobinQueue implements ServerQueue {

    /** A server with its weight, in the map or (while it ramps) in the ramping queue. */
    static final class Entry {
        final ServerView view;
        private final long order;
        private int weight;
        /** Its place in the ramping queue; null while it is settled. */
        private WeightClassQueue.Member ramp;

        private Entry(ServerView view, long order) {
            this.view = view;
            this.order = order;
        }

        int weight() {
            return weight;
        }

        boolean ramping() {
            return ramp != null;
        }
    }

    /** The settled servers by position in the pool: the map lays its weight classes out in this order. */
    private final TreeMap<Long, Entry> settled = new TreeMap<>();
    private final WeightClassQueue rampingQueue = new WeightClassQueue();
    private long settledWeight;
    private long rampingWeight;
    private WeightedMap map = WeightedMap.of(List.<Entry>of(), e -> e.view, e -> e.weight);
    /** The settled servers changed since the map was built. */
    private boolean stale;
    /** The map's slot whose turn is next. */
    private int turn;
    /** The ramping group's progress towards its next turn, in 1/(settled + ramping weight) of a turn. */
    private long rampingCredit;

    @Override
    public boolean isEmpty() {
        return settled.isEmpty() && rampingQueue.isEmpty();
    }

    /** @param ramping whether the weight is a slow-start step that will change again */
    Entry join(ServerView view, long order, int weight, boolean ramping) {
        Entry entry = new Entry(view, order);
        place(entry, weight, ramping);
        return entry;
    }

    void leave(Entry entry) {
        if (entry.ramp != null) {
            rampingQueue.leave(entry.ramp);
            entry.ramp = null;
            rampingWeight -= entry.weight;
        } else {
            settled.remove(entry.order);
            settledWeight -= entry.weight;
            stale = true;
        }
        keepCreditBelowTotal();
    }

    /** A new weight: a ramping step moves the server within the ramping queue, anything else rebuilds. */
    void reweigh(Entry entry, int weight, boolean ramping) {
        int capped = capped(weight);
        if (capped == entry.weight && ramping == entry.ramping()) {
            return;
        }
        if (ramping && entry.ramping()) {
            rampingQueue.reweigh(entry.ramp, capped);
            rampingWeight += capped - entry.weight;
            entry.weight = capped;
            keepCreditBelowTotal();
            return;
        }
        leave(entry);
        place(entry, weight, ramping);
    }

    @Override
    public ServerView next() {
        if (rampingWeight > 0 && (settledWeight == 0 || rampingTurn())) {
            return rampingQueue.next();
        }
        if (stale) {
            rebuild();
        }
        ServerView server = map.slot(turn);
        if (++turn == map.size()) {
            turn = 0;
        }
        return server;
    }

    private void place(Entry entry, int weight, boolean ramping) {
        entry.weight = capped(weight);
        if (ramping) {
            entry.ramp = rampingQueue.join(entry.view, entry.order, entry.weight);
            rampingWeight += entry.weight;
        } else {
            settled.put(entry.order, entry);
            settledWeight += entry.weight;
            stale = true;
        }
        keepCreditBelowTotal();
    }

    /**
     * The new map continues the round where the old one was: the turn moves to the same fraction of the
     * cycle, so frequent changes do not keep favouring the servers laid out first.
     */
    private void rebuild() {
        int oldSize = map.size();
        map = WeightedMap.of(List.copyOf(settled.values()), e -> e.view, e -> e.weight);
        turn = oldSize == 0 ? 0 : (int) ((long) turn * map.size() / oldSize);
        stale = false;
    }

    /**
     * Whether this pick goes to the ramping group: it earns its share of a turn at every pick and takes a
     * turn each time a whole one is earned, so its turns come evenly spaced among the settled ones (a
     * Bresenham line of slope ramping / total weight).
     */
    private boolean rampingTurn() {
        long total = settledWeight + rampingWeight;
        rampingCredit += rampingWeight;
        if (rampingCredit >= total) {
            rampingCredit -= total;
            return true;
        }
        return false;
    }

    /** After the totals changed: the credit stays below one turn, so no burst of ramping turns follows. */
    private void keepCreditBelowTotal() {
        rampingCredit = Math.max(0, Math.min(rampingCredit, settledWeight + rampingWeight - 1));
    }

    /** The weight the map would give the server: configuration.txt 5.2 "weight", at most 256. */
    private static int capped(int weight) {
        return Math.min(WeightedMap.MAX_WEIGHT, weight);
    }
}
