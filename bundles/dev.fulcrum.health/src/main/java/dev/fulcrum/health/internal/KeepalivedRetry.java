package dev.fulcrum.health.internal;

import dev.fulcrum.api.model.lvs.CheckCommon;
import dev.fulcrum.health.CheckOutcome;
import dev.fulcrum.health.HealthState;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * keepalived's verdict (keepalived.conf(5) checker common options): a check runs every
 * {@code delay_loop}; a failed check is retried {@code retry} times, {@code delay_before_retry}
 * apart, before the server is taken DOWN; one success brings it UP and resets the retries.
 * The first check runs after a random delay of up to {@code warmup} (the random source is
 * injected so that tests can seed it). With {@code alpha} the server starts DOWN.
 */
final class KeepalivedRetry implements VerdictMachine {

    private final CheckCommon common;
    private final Duration delayLoop;
    private final RandomGenerator random;
    private HealthState state;
    private int failedRetries;

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
            HealthState before = state;
            state = HealthState.UP;
            return before == state ? Step.stay(delayLoop) : Step.become(state, delayLoop);
        }
        if (failedRetries < common.retry()) {
            failedRetries++;
            return Step.stay(common.delayBeforeRetry());
        }
        failedRetries = 0;
        if (state == HealthState.UP) {
            state = HealthState.DOWN;
            return Step.become(state, delayLoop);
        }
        return Step.stay(delayLoop);
    }
}
