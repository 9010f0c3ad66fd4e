package dev.fulcrum.proxy.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EventRateTest {

    private final ManualClock clock = new ManualClock();
    private final EventRate rate = new EventRate(clock);

    private void mark(int times) {
        for (int i = 0; i < times; i++) {
            rate.mark();
        }
    }

    @Test
    void countsTheEventsOfTheCurrentSecond() {
        mark(5);
        assertEquals(5, rate.rate());
        assertEquals(5, rate.max());
    }

    @Test
    void thePreviousSecondFadesOutOverTheCurrentOne() {
        mark(10);
        clock.advance(Duration.ofMillis(1250)); // a quarter into the next second: 3/4 of the previous count
        assertEquals(7, rate.rate());
        mark(2);
        assertEquals(9, rate.rate());
        clock.advance(Duration.ofMillis(750)); // the second after: only the 2 of the previous second, in full
        assertEquals(2, rate.rate());
    }

    @Test
    void nothingForASecondOrMoreIsZeroAndTheMaximumStays() {
        mark(8);
        clock.advance(Duration.ofSeconds(2));
        assertEquals(0, rate.rate());
        mark(1);
        assertEquals(1, rate.rate());
        assertEquals(8, rate.max());
    }
}
