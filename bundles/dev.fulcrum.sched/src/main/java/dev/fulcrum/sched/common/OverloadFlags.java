package dev.fulcrum.sched.common;

import dev.fulcrum.api.sched.ServerView;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * IPVS's upper connection threshold (keepalived.conf(5) real_server {@code uthreshold}; the
 * {@code IP_VS_DEST_F_OVERLOAD} flag of include/net/ip_vs.h), which every IPVS scheduler respects by
 * skipping a flagged server. ip_vs_conn.c sets the flag when active + inactive connections reach
 * {@link ServerView#maxConnections()} and, with no lower threshold configured, clears it only when they
 * fall below three quarters of it: between the two the flag keeps its value. Kept up to date from the
 * hooks; thread-safe.
 */
public final class OverloadFlags {

    private final Set<String> overloaded = ConcurrentHashMap.newKeySet();

    /**
     * The flag after a change of the server's counts or threshold, given its value before
     * (ip_vs_bind_dest() and ip_vs_unbind_dest() in ip_vs_conn.c).
     */
    public static boolean next(boolean before, ServerView server) {
        long threshold = server.maxConnections();
        if (threshold <= 0) {
            return false;
        }
        long total = (long) server.activeConnections() + server.inactiveConnections();
        if (total >= threshold) {
            return true;
        }
        return before && total * 4 >= threshold * 3;
    }

    public void update(ServerView server) {
        if (next(overloaded.contains(server.id()), server)) {
            overloaded.add(server.id());
        } else {
            overloaded.remove(server.id());
        }
    }

    public void remove(ServerView server) {
        overloaded.remove(server.id());
    }

    /** Whether the server is flagged overloaded now. */
    public boolean test(ServerView server) {
        return !overloaded.isEmpty() && overloaded.contains(server.id());
    }
}
