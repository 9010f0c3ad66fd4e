package dev.fulcrum.health.internal;

import dev.fulcrum.health.CheckOutcome;
import dev.fulcrum.health.HealthState;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns check outcomes into a verdict and says when to check next. Pure: no clock, no threads;
 * the caller schedules the next check {@link Step#nextDelay()} after the outcome arrived.
 */
interface VerdictMachine {

    HealthState state();

    /** How long after start the first check runs. */
    Duration firstDelay();

    Step onOutcome(CheckOutcome outcome);

    /** The health counter, for machines that keep one (HAProxy's check_health). */
    default OptionalInt health() {
        return OptionalInt.empty();
    }

    /**
     * What one outcome changed.
     *
     * @param newState present when the verdict flipped
     */
    record Step(Optional<HealthState> newState, Duration nextDelay) {

        static Step stay(Duration nextDelay) {
            return new Step(Optional.empty(), nextDelay);
        }

        static Step become(HealthState state, Duration nextDelay) {
            return new Step(Optional.of(state), nextDelay);
        }
    }
}
