package dev.fulcrum.api.sched;

import java.time.Duration;
import java.time.Instant;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One server of a pool, read live by the algorithm. The pool's owner (the proxy, the IPVS simulator, a
 * test) implements it and tells the {@link Scheduler} through its hooks whenever {@link #weight()},
 * {@link #state()} or the connection counts change, so that an algorithm can keep ordered structures
 * instead of scanning every server on each pick.
 */
@ConsumerType
public interface ServerView {

    /** Stable and unique within the pool; hashing algorithms (sh, dh, mh, source...) key on it. */
    String id();

    /** The configured weight: IPVS 0..65535, HAProxy 0..256. Weight 0 is never picked. */
    int weight();

    ServerState state();

    /** HAProxy {@code backup}: only picked when no non-backup server is usable. */
    boolean backup();

    /** Connections in use (IPVS "ActiveConn"; HAProxy's current sessions). */
    int activeConnections();

    /** IPVS "InActConn" (connections in TIME_WAIT/FIN states); 0 for the proxy. */
    int inactiveConnections();

    /** HAProxy {@code maxconn} of the server (used by {@code balance first}), IPVS upper threshold; 0: none. */
    int maxConnections();

    /** HAProxy {@code slowstart}: the ramp after the server comes up; zero for none. */
    default Duration slowStart() {
        return Duration.ZERO;
    }

    /** When the server last entered {@link ServerState#UP}; the slow-start ramp counts from here. */
    default Instant upSince() {
        return Instant.EPOCH;
    }

    /** Whether an algorithm may pick this server for a new request: UP with a weight above 0. */
    default boolean usable() {
        return state().acceptsNewRequests() && weight() > 0;
    }
}
