package dev.fulcrum.health.internal;

import dev.fulcrum.health.CheckOutcome;
import dev.fulcrum.health.HealthState;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns check outcomes into a verdict and says when to check next. Pure: no clock, no threads;
 * the caller schedules the next check {@link Step#nextDelay()} after the outcome arrived.
 */
interface VerdictMachine {

    HealthState state();

    /** How long after start the first check runs. */
    Duration firstDelay();

    Step onOutcome(CheckOutcome outcome);

    /**
     * What one outcome changed.
     *
     * @param newState      present when the verdict flipped
     * @param weightChanged a keepalived misc_dynamic script asked for another weight than its last
     *                      outcome did ({@link CheckOutcome#weight()}, empty for the configured one)
     */
    record Step(Optional<HealthState> newState, boolean weightChanged, Duration nextDelay) {

        static Step stay(Duration nextDelay) {
            return new Step(Optional.empty(), false, nextDelay);
        }

        static Step become(HealthState state, Duration nextDelay) {
            return new Step(Optional.of(state), false, nextDelay);
        }
    }
}
