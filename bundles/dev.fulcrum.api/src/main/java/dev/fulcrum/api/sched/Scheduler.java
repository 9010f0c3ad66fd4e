package dev.fulcrum.api.sched;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One running instance of an algorithm over one pool of servers. Common rules every implementation
 * keeps: a backup server is picked only when no non-backup server is usable; weight 0, DOWN, DRAIN and
 * MAINT servers are never picked; an empty result means "no server" (the proxy answers 503, IPVS drops).
 *
 * <p>{@link #pick} may be called from several threads at once, concurrently with the hooks; the hooks
 * are called by the pool's owner after the change is visible through the {@link ServerView}.
 */
@ConsumerType
public interface Scheduler {

    Optional<ServerView> pick(RequestContext request);

    void serverAdded(ServerView server);

    void serverRemoved(ServerView server);

    /** The server's weight or state changed. */
    void serverChanged(ServerView server);

    /** The server's connection counts changed (least-connection family); ignored by the others. */
    default void connectionsChanged(ServerView server) {
    }
}
