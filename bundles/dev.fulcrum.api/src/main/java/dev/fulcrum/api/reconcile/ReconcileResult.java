package dev.fulcrum.api.reconcile;

import java.util.List;
import java.util.Objects;

/**
 * What a reconciler reports for one revision: applied (no errors) or failed (at least one error).
 * Built through {@link #applied()} and {@link #failed}, so the two cannot be confused.
 */
public record ReconcileResult(List<ReconcileError> errors) {

    private static final ReconcileResult APPLIED = new ReconcileResult(List.of());

    public ReconcileResult {
        errors = List.copyOf(Objects.requireNonNull(errors, "errors"));
    }

    public static ReconcileResult applied() {
        return APPLIED;
    }

    public static ReconcileResult failed(List<ReconcileError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a failed result needs at least one error");
        }
        return new ReconcileResult(errors);
    }

    public static ReconcileResult failed(String code, String message) {
        return failed(List.of(new ReconcileError(code, message)));
    }

    public boolean isApplied() {
        return errors.isEmpty();
    }
}
