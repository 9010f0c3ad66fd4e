package dev.fulcrum.api.status;

/** The four states a subsystem reports. */
public enum SubsystemState {
    /** Running and applying the current configuration revision. */
    ACTIVE,
    /** Cannot work on this machine (no privilege, missing kernel feature); the reason says which. */
    INACTIVE,
    /** Running, but part of what it should do is not done (a listener failed to bind, a peer is missing). */
    DEGRADED,
    /** Stopped by an error; the reason carries the error. */
    FAILED
}
