package dev.fulcrum.api.sched;

import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

import dev.fulcrum.api.model.lvs.SchedulerFlags;
import dev.fulcrum.api.model.proxy.Balance;

/**
 * Everything an algorithm is created with besides its servers.
 *
 * @param balance            HAProxy {@code balance} with its arguments; empty for the IPVS family
 * @param flags              IPVS scheduler flags ({@code sh-fallback}/{@code mh-fallback} = flag-1,
 *                           {@code sh-port}/{@code mh-port} = flag-2); {@link SchedulerFlags#NONE} for HAProxy
 * @param consistentHashing  HAProxy {@code hash-type consistent} (otherwise map-based)
 * @param clock              time for expiries (lblc, lblcr) and the slow-start ramp
 * @param random             the random source ({@code random}, {@code twos}); seeded in tests
 */
public record SchedulerSettings(Optional<Balance> balance, SchedulerFlags flags, boolean consistentHashing,
        InstantSource clock, RandomGenerator random) {

    public SchedulerSettings {
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
    }

    /** No arguments, the system clock and a default random source. */
    public static SchedulerSettings defaults() {
        return new SchedulerSettings(Optional.empty(), SchedulerFlags.NONE, false, InstantSource.system(),
                RandomGenerator.getDefault());
    }

    public SchedulerSettings withBalance(Balance value) {
        return new SchedulerSettings(Optional.of(value), flags, consistentHashing, clock, random);
    }

    public SchedulerSettings withFlags(SchedulerFlags value) {
        return new SchedulerSettings(balance, value, consistentHashing, clock, random);
    }

    public SchedulerSettings withConsistentHashing(boolean value) {
        return new SchedulerSettings(balance, flags, value, clock, random);
    }

    public SchedulerSettings withClock(InstantSource value) {
        return new SchedulerSettings(balance, flags, consistentHashing, value, random);
    }

    public SchedulerSettings withRandom(RandomGenerator value) {
        return new SchedulerSettings(balance, flags, consistentHashing, clock, value);
    }
}
