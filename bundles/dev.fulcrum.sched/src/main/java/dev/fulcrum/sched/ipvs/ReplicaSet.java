package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.sched.ServerView;
import dev.fulcrum.sched.common.Load;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The servers one destination of {@code lblcr} is replicated on ({@code struct ip_vs_dest_set} in
 * net/netfilter/ipvs/ip_vs_lblcr.c), with the time it last changed. Thread-safe: each method locks it.
 */
final class ReplicaSet {

    private final List<ServerView> members = new ArrayList<>();
    private long lastModified;

    ReplicaSet(long now) {
        this.lastModified = now;
    }

    /** ip_vs_dest_set_min(): the least {@code overhead / weight} among the members that may take it. */
    synchronized ServerView least(Predicate<ServerView> candidate) {
        ServerView least = null;
        for (ServerView member : members) {
            if (candidate.test(member) && (least == null || lighter(member, least))) {
                least = member;
            }
        }
        return least;
    }

    /**
     * ip_vs_lblcr_schedule(): with more than one member and no change for {@code expiration}, the most
     * loaded member ({@code ip_vs_dest_set_max()}; an unusable one first) leaves, so that a set grown
     * under a burst shrinks back.
     */
    synchronized void shrinkIfStale(long now, long expirationMillis, Predicate<ServerView> usable) {
        if (members.size() <= 1 || now - lastModified <= expirationMillis) {
            return;
        }
        ServerView most = members.stream().filter(usable.negate()).findFirst().orElse(null);
        if (most == null) {
            for (ServerView member : members) {
                if (most == null || lighter(most, member)) {
                    most = member;
                }
            }
        }
        members.remove(most);
        lastModified = now;
    }

    /** ip_vs_dest_set_insert(): adds a server not yet a member. */
    synchronized void add(ServerView server, long now) {
        for (ServerView member : members) {
            if (member.id().equals(server.id())) {
                return;
            }
        }
        members.add(server);
        lastModified = now;
    }

    /** Drops a server that left the pool. */
    synchronized void remove(ServerView server) {
        members.removeIf(member -> member.id().equals(server.id()));
    }

    synchronized int size() {
        return members.size();
    }

    /** Cross-multiplied {@code a.overhead / a.weight < b.overhead / b.weight}, as the kernel compares. */
    private static boolean lighter(ServerView a, ServerView b) {
        return Load.overheadOf(a) * b.weight() < Load.overheadOf(b) * a.weight();
    }
}
