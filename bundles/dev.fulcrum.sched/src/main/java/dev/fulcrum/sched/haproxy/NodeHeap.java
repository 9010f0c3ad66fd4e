package dev.fulcrum.sched.haproxy;

import java.util.Arrays;

/**
 * A 4-ary min-heap of nodes keyed by two longs, compared by the first (as a difference, so that keys
 * that wrap round still order correctly while they are less than 2^63 apart) and then by the second.
 * Everything a sift touches lives in arrays: the keys and slot numbers in heap order, and where each
 * slot sits, so a pick does not chase the nodes through memory. Each node keeps its slot, so a node
 * whose key changed moves in O(log n) instead of being searched for. Not thread-safe.
 */
abstract class NodeHeap<N extends NodeHeap.Node> {

    /** A heap element; its slot is -1 while it is not in a heap. */
    static class Node {
        int slot = -1;
    }

    /**
     * Children per node: a 4-ary heap is half as deep as a binary one and its four children share a cache
     * line or two, which pays off for the pick that moves the top to the back of 1,000 equals.
     */
    private static final int ARITY = 4;

    /** By slot: the node and its position in the heap arrays. */
    private Node[] nodes = new Node[16];
    private int[] positions = new int[16];
    /** By heap position: the slot and the keys. */
    private int[] slots = new int[16];
    private long[] firstKeys = new long[16];
    private long[] secondKeys = new long[16];
    private int size;
    /** Slots freed by removals, reused before new ones ({@code size} slots are in use). */
    private int[] freeSlots = new int[16];
    private int freeCount;

    public final boolean isEmpty() {
        return size == 0;
    }

    /** The first node; only when not {@link #isEmpty()}. */
    @SuppressWarnings("unchecked")
    final N top() {
        return (N) nodes[slots[0]];
    }

    /** The first key of a queued node. */
    final long firstKey(N node) {
        return firstKeys[positions[node.slot]];
    }

    final void add(N node, long first, long second) {
        if (node.slot >= 0) {
            throw new IllegalStateException("already queued");
        }
        if (size == slots.length) {
            grow();
        }
        int slot = freeCount > 0 ? freeSlots[--freeCount] : size;
        node.slot = slot;
        nodes[slot] = node;
        siftUp(size++, slot, first, second);
    }

    final void remove(N node) {
        int slot = node.slot;
        if (slot < 0) {
            return;
        }
        int at = positions[slot];
        node.slot = -1;
        nodes[slot] = null;
        freeSlots[freeCount++] = slot;
        int last = --size;
        if (at < last) {
            int moved = slots[last];
            long first = firstKeys[last];
            long second = secondKeys[last];
            siftUp(at, moved, first, second);
            siftDown(positions[moved], moved, first, second);
        }
    }

    /** Gives a queued node new keys and restores the order. */
    final void rekey(N node, long first, long second) {
        int slot = node.slot;
        siftUp(positions[slot], slot, first, second);
        siftDown(positions[slot], slot, first, second);
    }

    private void grow() {
        int capacity = slots.length * 2;
        nodes = Arrays.copyOf(nodes, capacity);
        positions = Arrays.copyOf(positions, capacity);
        slots = Arrays.copyOf(slots, capacity);
        firstKeys = Arrays.copyOf(firstKeys, capacity);
        secondKeys = Arrays.copyOf(secondKeys, capacity);
        freeSlots = Arrays.copyOf(freeSlots, capacity);
    }

    private static boolean before(long first, long second, long otherFirst, long otherSecond) {
        long difference = first - otherFirst;
        return difference != 0 ? difference < 0 : second < otherSecond;
    }

    /** Moves the hole at {@code at} up until the slot's keys fit, then puts them there. */
    private void siftUp(int at, int slot, long first, long second) {
        while (at > 0) {
            int parent = (at - 1) / ARITY;
            if (!before(first, second, firstKeys[parent], secondKeys[parent])) {
                break;
            }
            put(at, slots[parent], firstKeys[parent], secondKeys[parent]);
            at = parent;
        }
        put(at, slot, first, second);
    }

    /** Moves the hole at {@code at} down until the slot's keys fit, then puts them there. */
    private void siftDown(int at, int slot, long first, long second) {
        while (true) {
            int firstChild = ARITY * at + 1;
            if (firstChild >= size) {
                break;
            }
            int child = firstChild;
            for (int other = firstChild + 1; other < Math.min(firstChild + ARITY, size); other++) {
                if (before(firstKeys[other], secondKeys[other], firstKeys[child], secondKeys[child])) {
                    child = other;
                }
            }
            if (!before(firstKeys[child], secondKeys[child], first, second)) {
                break;
            }
            put(at, slots[child], firstKeys[child], secondKeys[child]);
            at = child;
        }
        put(at, slot, first, second);
    }

    private void put(int at, int slot, long first, long second) {
        slots[at] = slot;
        firstKeys[at] = first;
        secondKeys[at] = second;
        positions[slot] = at;
    }
}
