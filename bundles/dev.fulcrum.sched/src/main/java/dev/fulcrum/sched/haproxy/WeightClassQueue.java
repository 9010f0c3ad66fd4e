package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.ServerView;
import java.util.HashMap;
import java.util.Map;

/**
 * Smooth weighted round robin (configuration.txt 4.2 "balance roundrobin": "Each server is used in
 * turns, according to their weights") by virtual-time scheduling in the manner of EEVDF (Stoica et al.,
 * "Earliest Eligible Virtual Deadline First", 1995): a turn of weight w lasts 1/w of virtual time; a
 * server becomes eligible when its previous turn's share has been used up by the pool, and the eligible
 * server whose turn ends first goes next. No server runs ahead of its share by more than one turn, so
 * weights 3:2:1 give a b a b a c, never a a in a row.
 *
 * <p>The servers of one effective weight form a class that takes its turns in a ring, and the classes
 * are scheduled (a class of k servers of weight w weighs k x w), so a pick costs O(log c) for c distinct
 * weights whatever the number of servers. A server whose weight changes (a "set weight", a slow-start
 * step) moves to another class. Not thread-safe.
 */
final class WeightClassQueue implements ServerQueue {

    /** A turn of total weight 1, in virtual time units; weight x servers up to 2^32 still get 2^8 units. */
    private static final long TURN_OF_ONE = 1L << 40;

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
        /** The member whose turn is next. */
        private Member cursor;
        private long eligibleAt;
        private long deadline;
        /** What integer division left of {@link #deadline}, in 1/(weight x size) units. */
        private long deadlineRemainder;
        private boolean eligible;

        private long share() {
            return (long) weight * size;
        }

        /** The next turn starts at the deadline and ends one turn (1/share) later, carrying the remainder. */
        private void advance() {
            eligibleAt = deadline;
            long share = share();
            deadlineRemainder += TURN_OF_ONE % share;
            deadline += TURN_OF_ONE / share + deadlineRemainder / share;
            deadlineRemainder %= share;
        }

        private WeightClass(int weight, long order) {
            this.weight = weight;
            this.order = order;
        }
    }

    /** Classes ordered by their first key (deadline or eligible time), then position. */
    private static final class ClassHeap extends NodeHeap<WeightClass> {
    }

    private final ClassHeap eligible = new ClassHeap();
    private final ClassHeap waiting = new ClassHeap();
    private final Map<Integer, WeightClass> classes = new HashMap<>();
    /** Advances by 1/totalWeight per pick; the remainder (in 1/totalWeight units) keeps it exact over time. */
    private long virtualTime;
    private long virtualRemainder;
    private long totalWeight;

    @Override
    public boolean isEmpty() {
        return eligible.isEmpty() && waiting.isEmpty();
    }

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
    public ServerView next() {
        while (!waiting.isEmpty() && waiting.firstKey(waiting.top()) - virtualTime <= 0) {
            WeightClass ready = waiting.top();
            unqueue(ready);
            enqueue(ready);
        }
        // after weight changes nobody may be eligible yet: then the one that will be first
        WeightClass group = eligible.isEmpty() ? waiting.top() : eligible.top();
        unqueue(group);
        if (group.eligibleAt - virtualTime > 0) {
            virtualTime = group.eligibleAt;
        }
        group.advance();
        virtualRemainder += TURN_OF_ONE % totalWeight;
        virtualTime += TURN_OF_ONE / totalWeight + virtualRemainder / totalWeight;
        virtualRemainder %= totalWeight;
        enqueue(group);
        Member member = group.cursor;
        group.cursor = member.next;
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
        changeTotal(weight);
        if (group.size == 1) {
            group.eligibleAt = virtualTime; // a newcomer may go at once
            endTurn(group);
            enqueue(group);
        } else {
            resized(group);
        }
    }

    private void detach(Member member) {
        WeightClass group = member.owner;
        member.owner = null;
        changeTotal(-group.weight);
        if (--group.size == 0) {
            group.cursor = null;
            unqueue(group);
            classes.remove(group.weight);
            return;
        }
        if (group.cursor == member) {
            group.cursor = member.next;
        }
        member.previous.next = member.next;
        member.next.previous = member.previous;
        resized(group);
    }

    /** The class's weight changed with its size: its current turn ends at the new length from its start. */
    private void resized(WeightClass group) {
        unqueue(group);
        endTurn(group);
        enqueue(group);
    }

    private static void endTurn(WeightClass group) {
        group.deadline = group.eligibleAt + TURN_OF_ONE / group.share();
        group.deadlineRemainder = 0;
    }

    /** A new pool weight; the remainders restart (an error below one unit, once per change). */
    private void changeTotal(long by) {
        totalWeight += by;
        virtualRemainder = 0;
    }

    private void enqueue(WeightClass group) {
        group.eligible = group.eligibleAt - virtualTime <= 0;
        if (group.eligible) {
            eligible.add(group, group.deadline, group.order);
        } else {
            waiting.add(group, group.eligibleAt, group.order);
        }
    }

    private void unqueue(WeightClass group) {
        (group.eligible ? eligible : waiting).remove(group);
    }
}
