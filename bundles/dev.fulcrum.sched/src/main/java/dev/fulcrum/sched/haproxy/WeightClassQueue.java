package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.ServerView;
import java.util.HashMap;
import java.util.Map;

/**
 * Round robin for "balance roundrobin" (configuration.txt 4.2) in O(log c) per pick for c distinct
 * weights, whatever the number of servers: the servers of one effective weight form a class that takes
 * its turns in a ring, and the classes share the virtual time line by stride scheduling
 * ({@link StrideQueue}'s arithmetic), a class of k servers of weight w weighing k x w. Each server thus
 * gets its weight's share, smoothly interleaved with the other classes. A server whose weight changes
 * (a "set weight", a slow-start step) moves to another class in O(1) plus O(log c) re-stepping.
 * Not thread-safe.
 */
final class WeightClassQueue extends ServerQueue<WeightClassQueue.WeightClass> {

    /** The stride of total weight 1; large enough that weight x servers up to 2^32 keep a stride above 2^8. */
    private static final long STRIDE_OF_ONE = 1L << 40;

    /** A server in the ring of its class. */
    static final class Member {
        final ServerView view;
        final long order;
        private WeightClass owner;
        private Member previous;
        private Member next;

        private Member(ServerView view, long order) {
            this.view = view;
            this.order = order;
        }

        int weight() {
            return owner.weight;
        }
    }

    static final class WeightClass extends NodeHeap.Node {
        private final int weight;
        private final long order;
        private int size;
        private long stride;
        /** The member whose turn is next. */
        private Member cursor;

        private WeightClass(int weight, long order) {
            this.weight = weight;
            this.order = order;
        }
    }

    private final Map<Integer, WeightClass> classes = new HashMap<>();
    private long virtualTime;

    Member join(ServerView view, long order, int weight) {
        Member member = new Member(view, order);
        attach(member, weight);
        return member;
    }

    void leave(Member member) {
        detach(member);
    }

    void reweigh(Member member, int weight) {
        if (member.weight() != weight) {
            detach(member);
            attach(member, weight);
        }
    }

    @Override
    ServerView next() {
        WeightClass top = top();
        virtualTime = firstKey(top);
        rekey(top, virtualTime + top.stride, top.order);
        Member member = top.cursor;
        top.cursor = member.next;
        return member.view;
    }

    /** Puts the member last in its class's ring (its turn comes after everyone's in the class). */
    private void attach(Member member, int weight) {
        if (weight <= 0) {
            throw new IllegalArgumentException("weight must be positive: " + weight);
        }
        WeightClass group = classes.computeIfAbsent(weight, w -> new WeightClass(w, member.order));
        member.owner = group;
        if (group.cursor == null) {
            member.previous = member;
            member.next = member;
            group.cursor = member;
        } else {
            Member last = group.cursor.previous;
            member.previous = last;
            member.next = group.cursor;
            last.next = member;
            group.cursor.previous = member;
        }
        group.size++;
        long stride = STRIDE_OF_ONE / ((long) weight * group.size);
        if (group.size == 1) {
            group.stride = stride;
            add(group, virtualTime + StrideQueue.startOffset(stride, group.order), group.order);
        } else {
            restride(group, stride);
        }
    }

    private void detach(Member member) {
        WeightClass group = member.owner;
        member.owner = null;
        if (--group.size == 0) {
            group.cursor = null;
            remove(group);
            classes.remove(group.weight);
            return;
        }
        if (group.cursor == member) {
            group.cursor = member.next;
        }
        member.previous.next = member.next;
        member.next.previous = member.previous;
        restride(group, STRIDE_OF_ONE / ((long) group.weight * group.size));
    }

    private void restride(WeightClass group, long stride) {
        long pass = StrideQueue.rescale(firstKey(group), virtualTime, group.stride, stride);
        group.stride = stride;
        rekey(group, pass, group.order);
    }
}
