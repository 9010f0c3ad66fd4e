package dev.fulcrum.health.internal;

import dev.fulcrum.api.model.lvs.CheckCommon;
import dev.fulcrum.health.CheckOutcome;
import dev.fulcrum.health.HealthState;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * keepalived's verdict (keepalived.conf(5) checker common options): a check runs every
 * {@code delay_loop}; a failed check is retried {@code retry} times, {@code delay_before_retry}
 * apart, before the server is taken DOWN; one success brings it UP and resets the retries.
 * The first check runs after a random delay of up to {@code warmup} (the random source is
 * injected so that tests can seed it). With {@code alpha} the server starts DOWN.
 *
 * <p>MISC_CHECK {@code misc_dynamic}: every passing check asks for a weight (exit status - 2), or for
 * the configured one (exit 0); a change of that request is a step of its own. Going DOWN drops the
 * request: a failed server comes back at the weight its next exit status asks for. Both as keepalived
 * 2.2.7 does it in the kernel rig (weight 3; exit 7, 0 gives 5, 3; exit 7, 1, 9 gives 5, removed, 7 with
 * "Changing weight from 3 to 7 for inactive service").
 */
final class KeepalivedRetry implements VerdictMachine {

    private final CheckCommon common;
    private final Duration delayLoop;
    private final RandomGenerator random;
    private HealthState state;
    private int failedRetries;
    private OptionalInt weight = OptionalInt.empty();

    KeepalivedRetry(CheckCommon common, Duration delayLoop, HealthState initial, RandomGenerator random) {
        this.common = common;
        this.delayLoop = delayLoop;
        this.state = initial;
        this.random = random;
    }

    @Override
    public HealthState state() {
        return state;
    }

    @Override
    public Duration firstDelay() {
        long warmupMillis = common.warmup().map(Duration::toMillis).orElse(0L);
        return warmupMillis == 0 ? Duration.ZERO : Duration.ofMillis(random.nextLong(warmupMillis + 1));
    }

    @Override
    public Step onOutcome(CheckOutcome outcome) {
        if (outcome.passed()) {
            failedRetries = 0;
            boolean weightChanged = !outcome.weight().equals(weight);
            weight = outcome.weight();
            HealthState before = state;
            state = HealthState.UP;
            return new Step(before == state ? Optional.empty() : Optional.of(state), weightChanged, delayLoop);
        }
        if (failedRetries < common.retry()) {
            failedRetries++;
            return Step.stay(common.delayBeforeRetry());
        }
        failedRetries = 0;
        if (state == HealthState.UP) {
            state = HealthState.DOWN;
            weight = OptionalInt.empty();
            return Step.become(state, delayLoop);
        }
        return Step.stay(delayLoop);
    }
}
