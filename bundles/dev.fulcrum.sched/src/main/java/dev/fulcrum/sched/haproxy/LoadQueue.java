package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.ServerView;

/**
 * Servers ordered by load, connections per unit of weight (in 32.32 fixed point, exact enough that two
 * different ratios of counts and weights below 2^16 never tie), and among equal loads by whose turn came
 * longest ago, which makes a round robin of servers with the same load (configuration.txt 4.2 "balance
 * leastconn": "Round-robin is performed within groups of servers of the same load"). Not thread-safe.
 */
final class LoadQueue extends NodeHeap<LoadQueue.Entry> implements ServerQueue {

    /** Counts above this one are taken as this one, so the fixed-point load stays below 2^62. */
    private static final int MAX_CONNECTIONS = 1 << 30;

    static final class Entry extends NodeHeap.Node {
        final ServerView view;
        private int connections;
        private int weight;

        private Entry(ServerView view) {
            this.view = view;
        }

        int connections() {
            return connections;
        }

        int weight() {
            return weight;
        }
    }

    private long nextTurn;

    Entry join(ServerView view, int connections, int weight) {
        Entry entry = new Entry(view);
        entry.connections = connections;
        entry.weight = weight;
        add(entry, load(connections, weight), nextTurn++);
        return entry;
    }

    void leave(Entry entry) {
        remove(entry);
    }

    /** New load figures; the server goes behind the others of its (new) load. */
    void update(Entry entry, int connections, int weight) {
        entry.connections = connections;
        entry.weight = weight;
        rekey(entry, load(connections, weight), nextTurn++);
    }

    /** The least loaded server, which then waits behind the others of the same load; only when not empty. */
    @Override
    public ServerView next() {
        Entry entry = top();
        rekey(entry, firstKey(entry), nextTurn++);
        return entry.view;
    }

    private static long load(int connections, int weight) {
        if (weight <= 0) {
            throw new IllegalArgumentException("weight must be positive: " + weight);
        }
        long count = Math.min(MAX_CONNECTIONS, Math.max(0, connections));
        return (count << 32) / weight;
    }
}
