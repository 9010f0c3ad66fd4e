package dev.fulcrum.proxy.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StateHistoryTest {

    private final ManualClock clock = new ManualClock();
    private final StateHistory history = new StateHistory(clock.instant());

    @Test
    void downtimeAddsUpTheDownPeriodsAndLastChangeIsTheLatestTransition() {
        clock.advance(Duration.ofSeconds(10));
        history.record(false, clock.instant()); // still up: no change
        assertEquals(10, history.secondsSinceChange(clock.instant()));

        history.record(true, clock.instant());
        clock.advance(Duration.ofSeconds(4));
        assertEquals(4, history.downtimeSeconds(clock.instant()));
        history.record(false, clock.instant());
        clock.advance(Duration.ofSeconds(20));
        history.record(true, clock.instant());
        clock.advance(Duration.ofSeconds(3));

        assertEquals(7, history.downtimeSeconds(clock.instant()));
        assertEquals(3, history.secondsSinceChange(clock.instant()));
        assertEquals(2, history.transitionsToDown());
    }
}
