package dev.fulcrum.health;

import java.util.Objects;

/**
 * A change of a target's state, or (keepalived {@code misc_dynamic}) of the weight it asks for.
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
