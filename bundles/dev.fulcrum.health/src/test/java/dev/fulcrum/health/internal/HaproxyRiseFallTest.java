package dev.fulcrum.health.internal;

import static dev.fulcrum.health.HealthState.DOWN;
import static dev.fulcrum.health.HealthState.UP;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.health.HealthState;
import dev.fulcrum.health.internal.VerdictScenario.Change;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** configuration.txt 5.2 rise/fall/inter/fastinter/downinter, as exact fake-clock scenarios. */
class HaproxyRiseFallTest {

    private static final Duration S2 = Duration.ofSeconds(2);

    private static VerdictScenario scenario(Duration inter, Duration fast, Duration down, int rise, int fall,
            HealthState initial) {
        return new VerdictScenario(new HaproxyRiseFall(Specs.server("app1", 80, inter, fast, down, rise, fall), initial));
    }

    @Test
    void downAfterFallTimesInterAndUpAfterRiseChecks() {
        // Healthy, dead from 9 s to 19.999 s, healthy again from 20 s; inter 2 s, rise 2, fall 3.
        VerdictScenario scenario = scenario(S2, S2, S2, 2, 3, UP);
        List<Change> changes = scenario.run(t -> t < 9_000 || t >= 20_000, 30_000);
        // Last success at 8 s; failures at 10, 12, 14 s: the third (fall) takes it DOWN, 3 x inter later.
        // Successes at 20 and 22 s: the second (rise) brings it UP.
        assertEquals(List.of(new Change(14_000, DOWN), new Change(22_000, UP)), changes);
    }

    @Test
    void fastinterWhileTransitioningAndDowninterWhileDown() {
        VerdictScenario scenario = scenario(S2, Duration.ofMillis(500), Duration.ofSeconds(5), 2, 3, UP);
        List<Change> changes = scenario.run(t -> t < 9_000 || t >= 20_000, 30_000);
        assertEquals(List.of(
                0L, 500L, 2_500L, 4_500L, 6_500L, 8_500L, // start at rise: fastinter until the counter tops
                10_500L, 11_000L, 11_500L,                // failing: fastinter
                16_500L,                                  // DOWN: downinter
                21_500L, 22_000L,                         // rising: fastinter, UP at the second success
                24_000L, 26_000L, 28_000L, 30_000L), scenario.checkTimes);
        assertEquals(List.of(new Change(11_500, DOWN), new Change(22_000, UP)), changes);
    }

    @Test
    void aFreshServerFallsAtItsFirstFailure() {
        // HAProxy starts servers UP with the counter at rise: "up, but will fall down at first failure".
        assertEquals(List.of(new Change(0, DOWN)), scenario(S2, S2, S2, 2, 3, UP).run(t -> false, 4_000));
    }

    @Test
    void aFailureWhileRisingStartsTheRiseOver() {
        // Starts DOWN; success at 0, failure at 2 s, then successes at 4, 6, 8 s: rise 3 is reached at 8 s.
        VerdictScenario scenario = scenario(S2, S2, S2, 3, 2, DOWN);
        assertEquals(List.of(new Change(8_000, UP)), scenario.run(t -> t != 2_000, 9_000));
    }

    @Test
    void oneFailureWhenSteadilyUpOnlyLowersTheCounter() {
        HaproxyRiseFall machine = new HaproxyRiseFall(Specs.server("s", 80, S2, S2, S2, 2, 3), DOWN);
        VerdictScenario scenario = new VerdictScenario(machine);
        assertEquals(List.of(new Change(2_000, UP)), scenario.run(t -> t != 6_000, 10_000));
        assertEquals(4, machine.health().getAsInt(), "back at the top (rise + fall - 1) after the single failure");
    }
}
