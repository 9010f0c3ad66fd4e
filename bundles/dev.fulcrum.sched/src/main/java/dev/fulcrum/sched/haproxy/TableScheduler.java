package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.ServerView;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The algorithms that pick from an immutable table (the static map, the consistent-hash ring, the weighted
 * draw): the hooks update the roster under a lock and rebuild the table from the active servers when what
 * the table holds changed (O(n) or more, nothing per pick); picks read the last table through one volatile
 * field, lock-free.
 *
 * <p>A table holds each active server (its view) with one weight, which {@code weightOf} names: the weight
 * it was added with for the static algorithms, the current one for the dynamic ones. A hook that changes
 * neither whether a server is active nor that weight, such as a weight change under a static algorithm
 * (configuration.txt 4.2: "changing a server's weight on the fly will have no effect") or a backup's state
 * change, keeps the table and costs O(log n) instead of a rebuild.
 *
 * @param <T> the table
 */
abstract class TableScheduler<T> implements Scheduler {

    /** The table over the active servers, and the backup to use when there is none (null if none). */
    record Current<T>(T table, boolean empty, ServerView backup) {

        Optional<ServerView> backupServer() {
            return backup != null && backup.usable() ? Optional.of(backup) : Optional.empty();
        }
    }

    /** How a table holds an active server. */
    private record Placement(ServerView view, int weight) {
    }

    private final Roster roster;
    private final ToIntFunction<Roster.Member> weightOf;
    private final Function<List<Roster.Member>, T> build;
    /** By server id, the servers the current table holds and how; guarded by the roster's lock. */
    private final Map<String, Placement> placed = new HashMap<>();
    private volatile Current<T> current;

    /**
     * @param weightOf the weight {@code build} gives a member
     * @param build    the table over the active members, in pool order
     */
    TableScheduler(Collection<? extends ServerView> servers, ToIntFunction<Roster.Member> weightOf,
            Function<List<Roster.Member>, T> build) {
        this.roster = new Roster(servers);
        this.weightOf = weightOf;
        this.build = build;
        rebuild();
    }

    final Current<T> current() {
        return current;
    }

    @Override
    public void serverAdded(ServerView server) {
        synchronized (roster) {
            update(server.id(), roster.add(server));
        }
    }

    @Override
    public void serverRemoved(ServerView server) {
        synchronized (roster) {
            update(server.id(), roster.remove(server).orElse(null));
        }
    }

    @Override
    public void serverChanged(ServerView server) {
        synchronized (roster) {
            update(server.id(), roster.changed(server));
        }
    }

    /** After the roster took a hook for {@code id}: a new table if the member's placement changed, else a new backup only. */
    private void update(String id, Roster.Member member) {
        Placement before = placed.get(id);
        Placement now = member == null ? null : placement(member);
        boolean same = before == null ? now == null
                : now != null && before.view() == now.view() && before.weight() == now.weight();
        if (same) {
            Current<T> last = current;
            current = new Current<>(last.table(), last.empty(), roster.firstUsableBackup().orElse(null));
        } else {
            rebuild();
        }
    }

    /** How the table would hold the member: null when it is not active. */
    private Placement placement(Roster.Member member) {
        return member.active() ? new Placement(member.view(), weightOf.applyAsInt(member)) : null;
    }

    private void rebuild() {
        List<Roster.Member> active = roster.members().stream().filter(Roster.Member::active).toList();
        placed.clear();
        active.forEach(member -> placed.put(member.view().id(), placement(member)));
        current = new Current<>(build.apply(active), active.isEmpty(), roster.firstUsableBackup().orElse(null));
    }
}
