package dev.fulcrum.sched.common;

import dev.fulcrum.api.sched.ServerState;
import dev.fulcrum.api.sched.ServerView;
import java.util.ArrayList;
import java.util.List;

/**
 * The selection rules every algorithm shares (see {@link dev.fulcrum.api.sched.Scheduler}): only
 * {@link ServerView#usable() usable} servers take new requests, and the backup servers stand in only
 * while no normal server is usable (HAProxy configuration.txt "backup"; IPVS itself has no backups).
 */
public final class Tiers {

    private Tiers() {
    }

    /** Whether any non-backup server of the list is usable. */
    public static boolean anyNormalUsable(List<? extends ServerView> servers) {
        for (ServerView server : servers) {
            if (!server.backup() && server.usable()) {
                return true;
            }
        }
        return false;
    }

    /** The usable servers of the tier in service, in list order. */
    public static List<ServerView> usable(List<? extends ServerView> servers) {
        boolean backups = !anyNormalUsable(servers);
        List<ServerView> result = new ArrayList<>();
        for (ServerView server : servers) {
            if (server.backup() == backups && server.usable()) {
                result.add(server);
            }
        }
        return result;
    }

    /**
     * The servers of the tier in service that a hash table keeps a place for: weight above 0 and UP or
     * DRAIN. A DRAIN server keeps its buckets but takes nothing new (an IPVS quiescent destination stays in
     * the table); DOWN and MAINT servers are left out, as keepalived removes a failed real server.
     */
    public static List<ServerView> hashMembers(List<? extends ServerView> servers) {
        boolean backups = !anyNormalUsable(servers);
        List<ServerView> result = new ArrayList<>();
        for (ServerView server : servers) {
            boolean inService = server.state() == ServerState.UP || server.state() == ServerState.DRAIN;
            if (server.backup() == backups && inService && server.weight() > 0) {
                result.add(server);
            }
        }
        return result;
    }
}
