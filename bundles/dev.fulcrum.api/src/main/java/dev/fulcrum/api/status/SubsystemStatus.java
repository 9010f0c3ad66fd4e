package dev.fulcrum.api.status;

import java.util.Objects;

/**
 * One subsystem's state at one moment.
 *
 * @param name            short stable name ("vrrp", "ipvs", "deploy"); unique across the box
 * @param state           what the subsystem is doing
 * @param reason          one human sentence explaining the state, never empty
 * @param appliedRevision the configuration revision last applied, or {@link #NO_REVISION}
 */
public record SubsystemStatus(String name, SubsystemState state, String reason, long appliedRevision) {

    /** Revisions are numbered from 1; 0 means no revision has been applied (yet). */
    public static final long NO_REVISION = 0;

    public SubsystemStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        if (name.isBlank()) {
            throw new IllegalArgumentException("subsystem name must not be blank");
        }
        if (reason.isBlank()) {
            throw new IllegalArgumentException("subsystem " + name + ": reason must not be blank");
        }
        if (appliedRevision < 0) {
            throw new IllegalArgumentException("subsystem " + name + ": revision must be >= 0, was " + appliedRevision);
        }
    }

    public static SubsystemStatus active(String name, String reason) {
        return new SubsystemStatus(name, SubsystemState.ACTIVE, reason, NO_REVISION);
    }

    public static SubsystemStatus inactive(String name, String reason) {
        return new SubsystemStatus(name, SubsystemState.INACTIVE, reason, NO_REVISION);
    }

    public static SubsystemStatus degraded(String name, String reason) {
        return new SubsystemStatus(name, SubsystemState.DEGRADED, reason, NO_REVISION);
    }

    public static SubsystemStatus failed(String name, String reason) {
        return new SubsystemStatus(name, SubsystemState.FAILED, reason, NO_REVISION);
    }

    /** The same status, stamped with the revision it applies. */
    public SubsystemStatus withRevision(long revision) {
        return new SubsystemStatus(name, state, reason, revision);
    }

    public boolean hasRevision() {
        return appliedRevision != NO_REVISION;
    }
}
