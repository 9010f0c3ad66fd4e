package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.ServerView;

/**
 * Servers ordered by load, connections divided by weight (compared exactly by cross-multiplying), and
 * among equal loads by whose turn came longest ago, which makes a round robin of servers with the same
 * load (configuration.txt 4.2 "balance leastconn": "Round-robin is performed within groups of servers
 * of the same load"). Not thread-safe.
 */
final class LoadQueue extends ServerQueue<LoadQueue.Entry> {

    static final class Entry extends NodeHeap.Node {
        final ServerView view;
        private int connections;
        private int weight;
        private long turn;

        private Entry(ServerView view) {
            this.view = view;
        }
    }

    private long nextTurn;

    Entry join(ServerView view, int connections, int weight) {
        Entry entry = new Entry(view);
        set(entry, connections, weight);
        add(entry);
        return entry;
    }

    void leave(Entry entry) {
        remove(entry);
    }

    /** New load figures; the server goes behind the others of its (new) load. */
    void update(Entry entry, int connections, int weight) {
        set(entry, connections, weight);
        reposition(entry);
    }

    /** The least loaded server, which then waits behind the others of the same load; only when not empty. */
    @Override
    ServerView next() {
        Entry entry = top();
        entry.turn = nextTurn++;
        reposition(entry);
        return entry.view;
    }

    private void set(Entry entry, int connections, int weight) {
        if (weight <= 0) {
            throw new IllegalArgumentException("weight must be positive: " + weight);
        }
        entry.connections = Math.max(0, connections);
        entry.weight = weight;
        entry.turn = nextTurn++;
    }

    @Override
    protected boolean before(Entry a, Entry b) {
        long loadA = (long) a.connections * b.weight;
        long loadB = (long) b.connections * a.weight;
        return loadA != loadB ? loadA < loadB : a.turn < b.turn;
    }
}
