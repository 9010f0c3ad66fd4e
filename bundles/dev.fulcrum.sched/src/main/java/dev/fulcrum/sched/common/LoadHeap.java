package dev.fulcrum.sched.common;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.Predicate;

/**
 * A binary min-heap of {@link Load}s in a total order, whose entries know their place: a changed load
 * moves up or down from where it is (O(log n), no allocation) instead of being removed and inserted
 * again as an ordered map's key must be. Not thread-safe.
 */
final class LoadHeap {

    /** A server's place: its current load and its index in the heap, -1 while it is not in it. */
    static final class Entry {
        final long order;
        volatile Load load;
        private int index = -1;

        Entry(long order) {
            this.order = order;
        }

        boolean queued() {
            return index >= 0;
        }
    }

    private final Comparator<Load> order;
    private Entry[] entries = new Entry[16];
    private int size;

    LoadHeap(Comparator<Load> order) {
        this.order = order;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The least load; only when not {@link #isEmpty()}. */
    Load first() {
        return entries[0].load;
    }

    /** The least load among those {@code eligible} accepts, or null: a scan of every entry. */
    Load least(Predicate<Load> eligible) {
        Load least = null;
        for (int i = 0; i < size; i++) {
            Load load = entries[i].load;
            if (eligible.test(load) && (least == null || order.compare(load, least) < 0)) {
                least = load;
            }
        }
        return least;
    }

    /** Queues the entry at its load, or moves it to where its new load belongs. */
    void offer(Entry entry) {
        if (entry.index < 0) {
            if (size == entries.length) {
                entries = Arrays.copyOf(entries, 2 * size);
            }
            entry.index = size++;
            entries[entry.index] = entry;
        }
        if (!siftUp(entry.index)) {
            siftDown(entry.index);
        }
    }

    void remove(Entry entry) {
        int at = entry.index;
        if (at < 0) {
            return;
        }
        entry.index = -1;
        Entry last = entries[--size];
        entries[size] = null;
        if (at < size) {
            entries[at] = last;
            last.index = at;
            if (!siftUp(at)) {
                siftDown(at);
            }
        }
    }

    /** Moves the entry at {@code at} towards the root while it orders before its parent; whether it moved. */
    private boolean siftUp(int at) {
        Entry entry = entries[at];
        int start = at;
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (order.compare(entry.load, entries[parent].load) >= 0) {
                break;
            }
            place(entries[parent], at);
            at = parent;
        }
        place(entry, at);
        return at != start;
    }

    private void siftDown(int at) {
        Entry entry = entries[at];
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && order.compare(entries[child + 1].load, entries[child].load) < 0) {
                child++;
            }
            if (order.compare(entries[child].load, entry.load) >= 0) {
                break;
            }
            place(entries[child], at);
            at = child;
        }
        place(entry, at);
    }

    private void place(Entry entry, int at) {
        entries[at] = entry;
        entry.index = at;
    }
}
