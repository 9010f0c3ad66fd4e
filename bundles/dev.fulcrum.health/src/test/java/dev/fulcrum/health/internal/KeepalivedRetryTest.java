package dev.fulcrum.health.internal;

import static dev.fulcrum.health.HealthState.DOWN;
import static dev.fulcrum.health.HealthState.UP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.lvs.CheckCommon;
import dev.fulcrum.health.CheckOutcome;
import dev.fulcrum.health.CheckStatus;
import dev.fulcrum.health.HealthState;
import dev.fulcrum.health.internal.VerdictScenario.Change;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** keepalived.conf(5) delay_loop, retry, delay_before_retry, warmup, alpha, misc_dynamic. */
class KeepalivedRetryTest {

    private static final Duration LOOP = Duration.ofSeconds(6);

    private static KeepalivedRetry machine(int retry, Optional<Duration> warmup, HealthState initial, long seed) {
        CheckCommon common = Specs.common(Duration.ofSeconds(3), retry, Duration.ofSeconds(1), warmup);
        return new KeepalivedRetry(common, LOOP, initial, new SplittableRandom(seed));
    }

    @Test
    void retriesBeforeTakingTheServerDownAndOneSuccessBringsItBack() {
        VerdictScenario scenario = new VerdictScenario(machine(2, Optional.empty(), UP, 1));
        List<Change> changes = scenario.run(t -> t < 10_000 || t >= 25_000, 40_000);
        // delay_loop 6 s: checks at 0, 6; fail at 12, retries at 13 and 14 s (delay_before_retry 1 s),
        // DOWN after the second retry; back to delay_loop: 20 (fail), 21, 22 (retries), 28 succeeds: UP.
        assertEquals(List.of(0L, 6_000L, 12_000L, 13_000L, 14_000L, 20_000L, 21_000L, 22_000L, 28_000L, 34_000L,
                40_000L), scenario.checkTimes);
        assertEquals(List.of(new Change(14_000, DOWN), new Change(28_000, UP)), changes);
    }

    @Test
    void aPassingRetryResetsTheCount() {
        VerdictScenario scenario = new VerdictScenario(machine(1, Optional.empty(), UP, 1));
        // Fails at 6 s: the retry at 7 s passes, no change; then 13 s; dead from 19 s: the retry at 20 s
        // fails too: DOWN at 20 s.
        List<Change> changes = scenario.run(t -> t != 6_000 && t < 19_000, 20_000);
        assertEquals(List.of(0L, 6_000L, 7_000L, 13_000L, 19_000L, 20_000L), scenario.checkTimes);
        assertEquals(List.of(new Change(20_000, DOWN)), changes);
    }

    @Test
    void alphaStartsDownAndTheFirstSuccessBringsItUp() {
        KeepalivedRetry alpha = machine(1, Optional.empty(), DOWN, 1);
        assertEquals(DOWN, alpha.state());
        assertEquals(List.of(new Change(0, UP)), new VerdictScenario(alpha).run(t -> true, 10_000));
    }

    @Test
    void warmupDelaysTheFirstCheckByASeededRandomAmount() {
        Duration warmup = Duration.ofSeconds(30);
        long expected = new SplittableRandom(42).nextLong(30_001);
        assertEquals(Duration.ofMillis(expected), machine(1, Optional.of(warmup), UP, 42).firstDelay());
        for (long seed = 0; seed < 50; seed++) {
            long delay = machine(1, Optional.of(warmup), UP, seed).firstDelay().toMillis();
            assertTrue(delay >= 0 && delay <= 30_000, "within warmup: " + delay);
        }
        assertEquals(Duration.ZERO, machine(1, Optional.empty(), UP, 42).firstDelay());
    }

}
