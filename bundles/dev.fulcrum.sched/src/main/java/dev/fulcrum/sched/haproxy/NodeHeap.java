package dev.fulcrum.sched.haproxy;

import java.util.Arrays;

/**
 * A binary min-heap whose nodes remember their position, so that a node whose key changed moves in
 * O(log n) instead of being searched for. The subclass defines the order. Not thread-safe.
 */
abstract class NodeHeap<N extends NodeHeap.Node> {

    /** A heap element; {@code position} is -1 while it is not in a heap. */
    static class Node {
        int position = -1;

        final boolean queued() {
            return position >= 0;
        }
    }

    private Node[] heap = new Node[16];
    private int size;

    /** Whether {@code a} comes out of the heap before {@code b}. */
    protected abstract boolean before(N a, N b);

    final boolean isEmpty() {
        return size == 0;
    }

    final int size() {
        return size;
    }

    /** The first node; only when not {@link #isEmpty()}. */
    @SuppressWarnings("unchecked")
    final N top() {
        return (N) heap[0];
    }

    final void add(N node) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        place(node, size++);
        siftUp(node.position);
    }

    final void remove(N node) {
        int at = node.position;
        if (at < 0) {
            return;
        }
        node.position = -1;
        Node last = heap[--size];
        heap[size] = null;
        if (at < size) {
            place(last, at);
            siftUp(at);
            siftDown(last.position);
        }
    }

    /** Restores the order after the node's key changed. */
    final void reposition(N node) {
        if (node.queued()) {
            siftUp(node.position);
            siftDown(node.position);
        }
    }

    private void place(Node node, int at) {
        heap[at] = node;
        node.position = at;
    }

    @SuppressWarnings("unchecked")
    private void siftUp(int at) {
        Node node = heap[at];
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!before((N) node, (N) heap[parent])) {
                break;
            }
            place(heap[parent], at);
            at = parent;
        }
        place(node, at);
    }

    @SuppressWarnings("unchecked")
    private void siftDown(int at) {
        Node node = heap[at];
        int half = size >>> 1;
        while (at < half) {
            int child = 2 * at + 1;
            int right = child + 1;
            if (right < size && before((N) heap[right], (N) heap[child])) {
                child = right;
            }
            if (!before((N) heap[child], (N) node)) {
                break;
            }
            place(heap[child], at);
            at = child;
        }
        place(node, at);
    }
}
