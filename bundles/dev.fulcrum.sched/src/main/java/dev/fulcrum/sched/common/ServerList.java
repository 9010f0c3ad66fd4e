package dev.fulcrum.sched.common;

import dev.fulcrum.api.sched.ServerView;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The servers of one scheduler instance in list order, keyed by {@link ServerView#id()}. IPVS appends a
 * new destination to the tail of {@code svc->destinations} (ip_vs_ctl.c) and its schedulers walk that
 * list, so the order decides ties; a changed server keeps its place. Not thread-safe: its owner locks.
 */
public final class ServerList {

    private final Map<String, ServerView> byId = new LinkedHashMap<>();

    public ServerList(Collection<? extends ServerView> servers) {
        servers.forEach(this::put);
    }

    /** Adds the server at the tail, or replaces the view of the same id in place. */
    public void put(ServerView server) {
        byId.put(server.id(), server);
    }

    public void remove(ServerView server) {
        byId.remove(server.id());
    }

    /** A copy, in list order. */
    public List<ServerView> inOrder() {
        return List.copyOf(byId.values());
    }
}
