package dev.fulcrum.api.sched;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A pool bound to an algorithm by name, handed out by the {@link SchedulerRegistry}. When the named
 * algorithm's service goes away the pool keeps working on round robin ({@link #fallingBack()} is true,
 * the registry's subsystem is DEGRADED) and returns to the named algorithm when it is registered again.
 * The server hooks of {@link Scheduler} are forwarded to whichever algorithm runs.
 */
@ProviderType
public interface BalancedPool extends Scheduler, AutoCloseable {

    /** The pool's name, e.g. the backend or virtual server it serves (for logs and status). */
    String name();

    /** The algorithm the configuration asked for. */
    String algorithm();

    /** Whether round robin stands in because the named algorithm is not available. */
    boolean fallingBack();

    /** Detaches the pool from the registry; it must not be used afterwards. */
    @Override
    void close();
}
