package dev.fulcrum.sched.registry;

import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.ServerView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The round robin a pool runs when its named algorithm is not available. It lives in the registry so
 * that it works with no algorithm bundle at all. Like IPVS {@code rr} (net/netfilter/ipvs/ip_vs_rr.c) it
 * continues after the server it picked last and ignores weights except weight 0; it keeps the common
 * rules of {@link Scheduler}: a backup only when no non-backup server is usable, and never a server with
 * weight 0 or in DOWN, DRAIN or MAINT.
 *
 * <p>{@link #pick} takes no lock: it reads a copy-on-write array and a cursor whose lost updates between
 * racing threads only repeat a server, never fail a pick.
 */
public final class RoundRobinFallback implements Scheduler {

    private volatile ServerView[] servers;
    private volatile int cursor;

    public RoundRobinFallback(Collection<? extends ServerView> servers) {
        this.servers = servers.toArray(new ServerView[0]);
    }

    @Override
    public Optional<ServerView> pick(RequestContext request) {
        ServerView[] current = servers;
        int count = current.length;
        if (count == 0) {
            return Optional.empty();
        }
        int start = Math.floorMod(cursor, count);
        int found = next(current, start, false);
        if (found < 0) {
            found = next(current, start, true);
            if (found < 0) {
                return Optional.empty();
            }
        }
        cursor = found + 1;
        return Optional.of(current[found]);
    }

    /** The index of the first usable server from {@code start} on (wrapping) with the given backup flag, or -1. */
    private static int next(ServerView[] current, int start, boolean backup) {
        for (int i = 0; i < current.length; i++) {
            int index = start + i < current.length ? start + i : start + i - current.length;
            ServerView server = current[index];
            if (server.backup() == backup && server.usable()) {
                return index;
            }
        }
        return -1;
    }

    @Override
    public synchronized void serverAdded(ServerView server) {
        List<ServerView> copy = new ArrayList<>(List.of(servers));
        copy.removeIf(existing -> existing.id().equals(server.id()));
        copy.add(server);
        servers = copy.toArray(new ServerView[0]);
    }

    @Override
    public synchronized void serverRemoved(ServerView server) {
        List<ServerView> copy = new ArrayList<>(List.of(servers));
        copy.removeIf(existing -> existing.id().equals(server.id()));
        servers = copy.toArray(new ServerView[0]);
    }

    /** Nothing to do: weight and state are read live on each pick. */
    @Override
    public void serverChanged(ServerView server) {
    }
}
