package dev.fulcrum.proxy.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlidingAverageTest {

    @Test
    void beforeTheWindowIsFullItIsThePlainRoundedAverage() {
        SlidingAverage average = new SlidingAverage(1024);
        assertEquals(0, average.average());
        average.add(1);
        average.add(2);
        assertEquals(2, average.average(), "1.5 rounds half up");
        average.add(10);
        assertEquals(4, average.average(), "13 / 3 = 4.33");
        assertEquals(10, average.max());
    }

    @Test
    void aFullWindowForgetsOldSamplesGradually() {
        SlidingAverage average = new SlidingAverage(4);
        for (int i = 0; i < 4; i++) {
            average.add(100);
        }
        assertEquals(100, average.average());
        // Each new sample takes a quarter of the sum out first: 400 -> 300 + 0 -> 225 + 0 -> ...
        average.add(0);
        assertEquals(75, average.average());
        average.add(0);
        assertEquals(56, average.average(), "225 / 4 = 56.25");
        for (int i = 0; i < 40; i++) {
            average.add(0);
        }
        assertEquals(0, average.average(), "old samples fade out completely");
        assertEquals(100, average.max(), "the maximum stays");
    }

    @Test
    void aSteadyValueIsItsOwnAverageLongAfterTheWindowFilled() {
        SlidingAverage average = new SlidingAverage(SlidingAverage.HAPROXY_WINDOW);
        for (int i = 0; i < 5000; i++) {
            average.add(i < 1024 ? 1 : 7);
        }
        // After four windows of 7 the first window's 1s weigh (1 - 1/1024)^3976, about 2%.
        long now = average.average();
        assertTrue(now >= 6 && now <= 7, "average " + now);
    }

    @Test
    void theWindowMustHoldASample() {
        assertThrows(IllegalArgumentException.class, () -> new SlidingAverage(0));
    }
}
