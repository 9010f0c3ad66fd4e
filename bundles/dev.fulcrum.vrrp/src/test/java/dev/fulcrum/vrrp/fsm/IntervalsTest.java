package dev.fulcrum.vrrp.fsm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** RFC 3768 / RFC 5798 section 6.1 formulas, with the RFC's own example numbers where it gives them. */
class IntervalsTest {

    @Test
    void v2SkewIsAFractionOfASecondWhateverTheInterval() {
        assertEquals(Duration.ofNanos(609_375_000), Intervals.skewTime(2, 100, Duration.ofSeconds(1)));
        assertEquals(Duration.ofNanos(609_375_000), Intervals.skewTime(2, 100, Duration.ofSeconds(5)));
        assertEquals(Duration.ofNanos(3_906_250), Intervals.skewTime(2, 255, Duration.ofSeconds(1)));
    }

    @Test
    void v3SkewScalesWithMasterAdverInterval() {
        assertEquals(Duration.ofNanos(609_375_000), Intervals.skewTime(3, 100, Duration.ofSeconds(1)));
        assertEquals(Duration.ofNanos(3_046_875_000L), Intervals.skewTime(3, 100, Duration.ofSeconds(5)));
        // 1 centisecond at priority 255: 1/256 cs, kept to the nanosecond (39 ns).
        assertEquals(Duration.ofNanos(39_062), Intervals.skewTime(3, 255, Duration.ofMillis(10)));
    }

    @Test
    void masterDownIntervalIsAdvertsTimesIntervalPlusSkew() {
        assertEquals(Duration.ofNanos(3_609_375_000L), Intervals.masterDownInterval(3, 100, Duration.ofSeconds(1), 3));
        assertEquals(Duration.ofNanos(1_609_375_000L), Intervals.masterDownInterval(2, 100, Duration.ofSeconds(1), 1));
        assertEquals(Duration.ofNanos(7_218_750_000L), Intervals.masterDownInterval(3, 100, Duration.ofSeconds(2), 3));
    }
}
