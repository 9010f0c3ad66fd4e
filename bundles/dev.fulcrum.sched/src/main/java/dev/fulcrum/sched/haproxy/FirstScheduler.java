package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.ServerView;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * configuration.txt 4.2 "balance first": the first server, by position in the pool (HAProxy's server id
 * order), with a free connection slot below its {@link ServerView#maxConnections()} (0: no limit); the
 * weight is ignored beyond 0 taking a server out. The servers with room sit in a skip list ordered by
 * position, updated by {@link #connectionsChanged}; a pick reads its first entry without locking.
 *
 * <p>When every regular server is full there is no pick: HAProxy would queue the request in the backend
 * (5.2 "maxconn"), which the scheduling SPI has no notion of, and it does not hand full servers' traffic
 * to backups. Backups: the first usable one by position when no regular server is usable.
 */
final class FirstScheduler implements Scheduler {

    /** Entries tried when the first ones turned full or unusable before their hooks arrived. */
    private static final int ATTEMPTS = 4;

    private final Roster roster;
    private final ConcurrentSkipListMap<Long, ServerView> withRoom = new ConcurrentSkipListMap<>();
    private final Set<Long> active = new HashSet<>();
    private volatile boolean anyActive;
    private volatile ServerView firstBackup;

    FirstScheduler(Collection<? extends ServerView> servers) {
        this.roster = new Roster(servers);
        roster.members().forEach(this::refresh);
        publish();
    }

    @Override
    public Optional<ServerView> pick(RequestContext request) {
        Map.Entry<Long, ServerView> entry = withRoom.firstEntry();
        for (int attempt = 0; attempt < ATTEMPTS && entry != null; attempt++) {
            ServerView server = entry.getValue();
            if (server.usable() && hasRoom(server)) {
                return Optional.of(server);
            }
            entry = withRoom.higherEntry(entry.getKey());
        }
        ServerView backup = firstBackup;
        return !anyActive && backup != null && backup.usable() ? Optional.of(backup) : Optional.empty();
    }

    @Override
    public synchronized void serverAdded(ServerView server) {
        refresh(roster.add(server));
        publish();
    }

    @Override
    public synchronized void serverRemoved(ServerView server) {
        roster.remove(server).ifPresent(member -> {
            withRoom.remove(member.order());
            active.remove(member.order());
        });
        publish();
    }

    @Override
    public synchronized void serverChanged(ServerView server) {
        refresh(roster.changed(server));
        publish();
    }

    @Override
    public synchronized void connectionsChanged(ServerView server) {
        refresh(roster.changed(server));
    }

    private void refresh(Roster.Member member) {
        if (member.active()) {
            active.add(member.order());
        } else {
            active.remove(member.order());
        }
        if (member.active() && hasRoom(member.view())) {
            withRoom.put(member.order(), member.view());
        } else {
            withRoom.remove(member.order());
        }
    }

    private void publish() {
        anyActive = !active.isEmpty();
        firstBackup = roster.firstUsableBackup().orElse(null);
    }

    private static boolean hasRoom(ServerView server) {
        int limit = server.maxConnections();
        return limit <= 0 || server.activeConnections() < limit;
    }
}
