package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.ServerView;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The algorithms that pick from an immutable table (the static map, the consistent-hash ring, the weighted
 * draw): the hooks update the roster under a lock and rebuild the table from the active servers (O(n) or
 * more per hook, nothing per pick); picks read the last table through one volatile field, lock-free.
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

    private final Roster roster;
    private final Function<List<Roster.Member>, T> build;
    private volatile Current<T> current;

    TableScheduler(Collection<? extends ServerView> servers, Function<List<Roster.Member>, T> build) {
        this.roster = new Roster(servers);
        this.build = build;
        rebuild();
    }

    final Current<T> current() {
        return current;
    }

    @Override
    public void serverAdded(ServerView server) {
        synchronized (roster) {
            roster.add(server);
            rebuild();
        }
    }

    @Override
    public void serverRemoved(ServerView server) {
        synchronized (roster) {
            roster.remove(server);
            rebuild();
        }
    }

    @Override
    public void serverChanged(ServerView server) {
        synchronized (roster) {
            roster.changed(server);
            rebuild();
        }
    }

    private void rebuild() {
        List<Roster.Member> active = roster.members().stream().filter(Roster.Member::active).toList();
        current = new Current<>(build.apply(active), active.isEmpty(), roster.firstUsableBackup().orElse(null));
    }
}
