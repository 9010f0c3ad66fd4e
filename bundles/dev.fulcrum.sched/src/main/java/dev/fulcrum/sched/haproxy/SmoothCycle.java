package dev.fulcrum.sched.haproxy;

import java.util.Arrays;

/**
 * One cycle of smooth weighted round robin, laid out ahead: for weights adding up to W, W slots in which
 * each server holds as many as its weight (configuration.txt 4.2 "balance roundrobin": "each server is
 * used in turns, according to their weights"), spread so that at every slot, also across cycles, each
 * server has had its exact share give or take less than one turn.
 *
 * <p>The spreading is proportionate fairness (Baruah, Cohen, Plaxton, Varvel, "Proportionate progress",
 * 1996): turn j of a share s out of W must take a slot in its window [floor(jW/s), ceil((j+1)W/s)), and
 * the earliest deadline first among the turns whose window has opened fills every window, since the shares
 * add up to W (on one processor EDF meets all deadlines that can be met). Servers of one weight form a
 * class that takes turns as one share (size x weight) and hands them round its members in pool order;
 * equal deadlines go to the class that appears first. The pending turns are one per class, at most 256
 * (configuration.txt 5.2 "weight": at most 256), so laying out costs O(W log c) for c distinct weights,
 * with integer arithmetic only.
 */
final class SmoothCycle {

    /** configuration.txt 5.2 "weight": "an integer between 0 and 256". */
    static final int MAX_WEIGHT = 256;
    /** Bits of a heap key that hold the class; the deadline takes the bits above. */
    private static final int CLASS_BITS = 9;
    private static final long CLASS_MASK = (1L << CLASS_BITS) - 1;

    private SmoothCycle() {
    }

    /**
     * For each slot of the cycle, the index of the server (into {@code weights}) that holds it. Weights with
     * a common divisor make the cycle of the weights divided by it (2:2 repeats the cycle of 1:1).
     *
     * @param weights each between 1 and {@value #MAX_WEIGHT}; their sum over their greatest common divisor
     *                is the cycle's length
     * @throws IllegalArgumentException for a weight outside 1..256
     */
    static int[] layOut(int[] weights) {
        int divisor = 0;
        for (int weight : weights) {
            if (weight < 1 || weight > MAX_WEIGHT) {
                throw new IllegalArgumentException("weight must be between 1 and " + MAX_WEIGHT + ": " + weight);
            }
            divisor = gcd(divisor, weight);
        }
        int[] reduced = new int[weights.length];
        long total = 0;
        for (int i = 0; i < weights.length; i++) {
            reduced[i] = weights[i] / divisor;
            total += reduced[i];
        }
        return layOutReduced(reduced, total);
    }

    private static int[] layOutReduced(int[] weights, long total) {
        Classes classes = new Classes(weights);
        int length = (int) total;
        int[] slots = new int[length];
        // classes whose next turn opens at a slot: heads by slot, then linked by class
        int[] opening = new int[length + 1];
        Arrays.fill(opening, -1);
        int[] nextOpening = new int[classes.count];
        LongHeap pending = new LongHeap(classes.count);
        for (int c = classes.count - 1; c >= 0; c--) {
            nextOpening[c] = opening[0];
            opening[0] = c;
        }
        // per class, (j + 1) x W / share as quotient and remainder, for its turn j
        long[] quotient = new long[classes.count];
        long[] remainder = new long[classes.count];
        int[] taken = new int[classes.count];
        for (int c = 0; c < classes.count; c++) {
            quotient[c] = total / classes.share[c];
            remainder[c] = total % classes.share[c];
        }
        for (int slot = 0; slot < length; slot++) {
            for (int c = opening[slot]; c >= 0; c = nextOpening[c]) {
                long deadline = quotient[c] + (remainder[c] > 0 ? 1 : 0); // ceil((j + 1) W / share)
                pending.add(deadline << CLASS_BITS | c);
            }
            if (pending.isEmpty()) {
                throw new IllegalStateException("no turn open at slot " + slot + " of " + length);
            }
            int c = (int) (pending.removeFirst() & CLASS_MASK);
            slots[slot] = classes.nextMember(c);
            if (++taken[c] < classes.share[c]) {
                long opens = quotient[c]; // floor((j + 1) W / share): where turn j + 1's window starts
                long share = classes.share[c];
                quotient[c] += total / share;
                remainder[c] += total % share;
                if (remainder[c] >= share) {
                    quotient[c]++;
                    remainder[c] -= share;
                }
                int at = (int) Math.max(opens, slot + 1); // one turn per slot
                nextOpening[c] = opening[at];
                opening[at] = c;
            }
        }
        return slots;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** The servers grouped by weight, classes numbered by first appearance, members in order. */
    private static final class Classes {
        final int count;
        final long[] share;
        /** The members of class c are {@code members[start[c]] .. members[start[c + 1] - 1]}. */
        private final int[] members;
        private final int[] start;
        private final int[] cursor;

        Classes(int[] weights) {
            int[] classOfWeight = new int[MAX_WEIGHT + 1];
            Arrays.fill(classOfWeight, -1);
            int[] sizes = new int[MAX_WEIGHT + 1];
            int[] weightOfClass = new int[MAX_WEIGHT + 1];
            int classes = 0;
            for (int weight : weights) {
                if (classOfWeight[weight] < 0) {
                    weightOfClass[classes] = weight;
                    classOfWeight[weight] = classes++;
                }
                sizes[classOfWeight[weight]]++;
            }
            count = classes;
            share = new long[count];
            start = new int[count + 1];
            for (int c = 0; c < count; c++) {
                share[c] = (long) weightOfClass[c] * sizes[c];
                start[c + 1] = start[c] + sizes[c];
            }
            cursor = Arrays.copyOf(start, count);
            members = new int[weights.length];
            int[] filled = Arrays.copyOf(start, count);
            for (int i = 0; i < weights.length; i++) {
                members[filled[classOfWeight[weights[i]]]++] = i;
            }
        }

        /** The member of class c whose turn it is; the turn then passes to the next one round the class. */
        int nextMember(int c) {
            int member = members[cursor[c]];
            cursor[c] = cursor[c] + 1 == start[c + 1] ? start[c] : cursor[c] + 1;
            return member;
        }
    }

    /** A binary min-heap of longs, of a capacity fixed up front. */
    private static final class LongHeap {
        private final long[] keys;
        private int size;

        LongHeap(int capacity) {
            keys = new long[Math.max(1, capacity)];
        }

        boolean isEmpty() {
            return size == 0;
        }

        void add(long key) {
            int at = size++;
            while (at > 0) {
                int parent = (at - 1) >>> 1;
                if (keys[parent] <= key) {
                    break;
                }
                keys[at] = keys[parent];
                at = parent;
            }
            keys[at] = key;
        }

        long removeFirst() {
            long first = keys[0];
            long last = keys[--size];
            int at = 0;
            while (true) {
                int child = 2 * at + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && keys[child + 1] < keys[child]) {
                    child++;
                }
                if (keys[child] >= last) {
                    break;
                }
                keys[at] = keys[child];
                at = child;
            }
            keys[at] = last;
            return first;
        }
    }
}
