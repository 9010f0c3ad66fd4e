package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.ServerView;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The servers of one pool in insertion order, which stands for HAProxy's server ids ("first" walks them
 * from the lowest id; configuration.txt 5.2 "id" defaults to the position in the farm) and decides which
 * backup is "the first backup" (4.2 "balance" with "option allbackups" unset). Not thread-safe: each
 * scheduler guards its roster with its own lock.
 */
final class Roster {

    /**
     * @param order          position in the pool, increasing with every addition
     * @param initialWeight  the weight when added: what the static algorithms keep (configuration.txt 4.2:
     *                       "changing a server's weight on the fly will have no effect")
     */
    record Member(ServerView view, long order, int initialWeight) {

        /** Neither backup nor out of service: may receive the regular traffic. */
        boolean active() {
            return !view.backup() && view.usable();
        }

        /** The weight the dynamic algorithms use: the server's weight now. */
        int currentWeight() {
            return view.weight();
        }

        /** The weight the static algorithms use: as added, or the current one for a server added at 0. */
        int staticWeight() {
            return initialWeight > 0 ? initialWeight : view.weight();
        }
    }

    private final Map<String, Member> members = new LinkedHashMap<>();
    private final TreeMap<Long, ServerView> usableBackups = new TreeMap<>();
    private long nextOrder;

    Roster(Collection<? extends ServerView> servers) {
        servers.forEach(this::add);
    }

    /** Adds the server; a server already known by its id keeps its position and takes the new view. */
    Member add(ServerView server) {
        Member old = members.get(server.id());
        Member member = old == null ? new Member(server, nextOrder++, server.weight())
                : new Member(server, old.order(), old.initialWeight());
        members.put(server.id(), member);
        refreshBackup(member);
        return member;
    }

    Optional<Member> remove(ServerView server) {
        Member member = members.remove(server.id());
        if (member != null) {
            usableBackups.remove(member.order());
        }
        return Optional.ofNullable(member);
    }

    /** The member after its state or weight changed; a server never added is added now. */
    Member changed(ServerView server) {
        Member member = members.get(server.id());
        if (member == null || member.view() != server) {
            return add(server);
        }
        refreshBackup(member);
        return member;
    }

    Collection<Member> members() {
        return members.values();
    }

    /** The usable backup with the lowest position, for when no regular server is usable. */
    Optional<ServerView> firstUsableBackup() {
        var first = usableBackups.firstEntry();
        return first == null ? Optional.empty() : Optional.of(first.getValue());
    }

    private void refreshBackup(Member member) {
        if (member.view().backup() && member.view().usable()) {
            usableBackups.put(member.order(), member.view());
        } else {
            usableBackups.remove(member.order());
        }
    }
}
