package dev.fulcrum.health;

import java.util.Objects;

/**
 * A change of a target's state, or (keepalived {@code misc_dynamic}) of the weight it asks for. For a
 * {@code misc_dynamic} MISC_CHECK, {@code cause.weight()} is the weight its script asks for from now on;
 * empty means the configured weight (exit 0, or the check went DOWN).
 *
 * @param cause the check that decided it: its status, code, info and duration are the log's "reason"
 */
public record HealthEvent(CheckTarget target, HealthState state, CheckOutcome cause) {

    public HealthEvent {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(cause, "cause");
    }
}
