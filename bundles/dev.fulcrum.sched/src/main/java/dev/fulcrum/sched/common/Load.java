package dev.fulcrum.sched.common;

import dev.fulcrum.api.sched.ServerView;

/**
 * A server's weight, usability, connection counts and {@link OverloadFlags overload flag} as last reported
 * through the hooks, with its place in the list. Immutable, so it can key an ordered map: a change
 * replaces the whole entry.
 */
public record Load(ServerView server, boolean usable, boolean backup, int weight, int active, int inactive,
        boolean overloaded, long order) {

    /** The server's load now, given its previous one (for the overload flag's hysteresis), if any. */
    static Load of(ServerView server, Load before, long order) {
        boolean overloaded = OverloadFlags.next(before != null && before.overloaded(), server);
        return new Load(server, server.usable(), server.backup(), server.weight(), server.activeConnections(),
                server.inactiveConnections(), overloaded, order);
    }

    /**
     * ip_vs_dest_conn_overhead() (include/net/ip_vs.h): {@code (activeconns << 8) + inactconns}, an active
     * connection costing 256 times an inactive one. A long, so that multiplied by a 16-bit weight it
     * cannot overflow.
     */
    public long connectionOverhead() {
        return ((long) active << 8) + inactive;
    }

    /** {@link #connectionOverhead()} of a server's live counts. */
    public static long overheadOf(ServerView server) {
        return ((long) server.activeConnections() << 8) + server.inactiveConnections();
    }
}
