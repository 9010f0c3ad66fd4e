package dev.fulcrum.api.reconcile;

import java.util.Objects;

/**
 * Why a reconciler could not apply a revision.
 *
 * @param code    a stable dotted key a program can match on, subsystem first ("ipvs.netlink")
 * @param message one human sentence: what failed and on what
 */
public record ReconcileError(String code, String message) {

    /** The reconciler threw instead of returning a result. */
    public static final String RECONCILER_EXCEPTION = "reconciler.exception";

    public ReconcileError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (code.isBlank()) {
            throw new IllegalArgumentException("error code must not be blank");
        }
    }
}
