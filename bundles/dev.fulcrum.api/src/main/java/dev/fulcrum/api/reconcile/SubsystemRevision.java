package dev.fulcrum.api.reconcile;

import java.util.List;
import java.util.Objects;

/**
 * The last revision one reconciler was handed and what it reported.
 *
 * @param subsystem the reconciler's {@link Reconciler#name()}
 * @param revision  the revision number it was handed
 * @param applied   whether it applied it
 * @param errors    why not; empty when applied
 */
public record SubsystemRevision(String subsystem, long revision, boolean applied, List<ReconcileError> errors) {

    public SubsystemRevision {
        Objects.requireNonNull(subsystem, "subsystem");
        errors = List.copyOf(Objects.requireNonNull(errors, "errors"));
        if (applied != errors.isEmpty()) {
            throw new IllegalArgumentException("subsystem " + subsystem + ": applied must be exactly 'no errors'");
        }
    }

    public static SubsystemRevision of(String subsystem, long revision, ReconcileResult result) {
        return new SubsystemRevision(subsystem, revision, result.isApplied(), result.errors());
    }
}
