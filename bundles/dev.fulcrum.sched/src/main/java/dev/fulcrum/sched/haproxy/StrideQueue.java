package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.ServerView;

/**
 * Weighted round robin by stride scheduling: every server has a "pass" on a virtual time line and
 * advances it by a stride inversely proportional to its weight each time it is served; the server with
 * the lowest pass goes next (the earlier position in the pool on a tie). A server of weight 5 is thus
 * served five times as often as one of weight 1, spread over the cycle rather than in a burst (the
 * smooth interleaving of configuration.txt 4.2 "balance roundrobin"), and a weight change only rescales
 * the remaining distance of one server: O(log n) per pick and per change. Not thread-safe.
 */
final class StrideQueue extends ServerQueue<StrideQueue.Entry> {

    /** The stride of weight 1; passes are compared by difference, so they may wrap around. */
    private static final long STRIDE_OF_ONE = 1L << 32;
    /** The fractional part of the golden ratio, staggering where new servers start. */
    private static final double GOLDEN_FRACTION = 0.6180339887498949;

    static final class Entry extends NodeHeap.Node {
        final ServerView view;
        final long order;
        private long stride;
        private int weight;

        private Entry(ServerView view, long order) {
            this.view = view;
            this.order = order;
        }

        int weight() {
            return weight;
        }
    }

    /** The pass of the last server served: the "now" of the virtual time line. */
    private long virtualTime;

    /**
     * Queues a server. It starts a fraction of its stride ahead of now, the fraction spread by its
     * position (golden-ratio steps), so that equal-weight servers added together do not all fall on the
     * same instant and light servers land between the picks of heavy ones.
     */
    Entry join(ServerView view, long order, int weight) {
        Entry entry = new Entry(view, order);
        entry.weight = weight;
        entry.stride = strideOf(weight);
        add(entry, virtualTime + startOffset(entry.stride, order), order);
        return entry;
    }

    void leave(Entry entry) {
        remove(entry);
    }

    /** A new weight from now on: the distance left to the server's next turn scales by old/new weight. */
    void reweigh(Entry entry, int weight) {
        long newStride = strideOf(weight);
        long pass = rescale(firstKey(entry), virtualTime, entry.stride, newStride);
        entry.stride = newStride;
        entry.weight = weight;
        rekey(entry, pass, entry.order);
    }

    @Override
    ServerView next() {
        Entry entry = top();
        virtualTime = firstKey(entry);
        rekey(entry, virtualTime + entry.stride, entry.order);
        return entry.view;
    }

    /** How far ahead of now a newcomer at {@code order} starts: a golden-ratio fraction of its stride. */
    static long startOffset(long stride, long order) {
        double fraction = ((order + 1) * GOLDEN_FRACTION) % 1.0;
        return (long) (stride * fraction);
    }

    /** The pass after a stride change: the distance left from {@code now} scales with the stride. */
    static long rescale(long pass, long now, long oldStride, long newStride) {
        return now + (long) ((pass - now) * ((double) newStride / oldStride));
    }

    private static long strideOf(int weight) {
        if (weight <= 0) {
            throw new IllegalArgumentException("weight must be positive: " + weight);
        }
        return STRIDE_OF_ONE / weight;
    }
}
