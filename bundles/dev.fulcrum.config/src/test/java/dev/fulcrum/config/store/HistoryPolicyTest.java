package dev.fulcrum.config.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class HistoryPolicyTest {

    private static TreeSet<Long> range(long from, long to) {
        TreeSet<Long> numbers = new TreeSet<>();
        LongStream.rangeClosed(from, to).forEach(numbers::add);
        return numbers;
    }

    @Test
    void keepsTheNewestAndDeletesTheRestOldestFirst() {
        assertEquals(List.of(1L, 2L, 3L), HistoryPolicy.toDelete(range(1, 8), 8, 5));
    }

    @Test
    void keepsTheCurrentEvenWhenItIsOlderThanTheWindow() {
        assertEquals(List.of(1L, 3L), HistoryPolicy.toDelete(range(1, 8), 2, 5));
    }

    @Test
    void theCurrentInsideTheWindowCountsAsOneOfTheNewest() {
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), HistoryPolicy.toDelete(range(1, 8), 7, 3));
    }

    @Test
    void nothingToDeleteWithinTheLimitOrWithoutACurrent() {
        assertEquals(List.of(), HistoryPolicy.toDelete(range(1, 5), 1, 5));
        assertEquals(List.of(1L), HistoryPolicy.toDelete(range(1, 3), 0, 2));
        assertEquals(List.of(), HistoryPolicy.toDelete(new TreeSet<>(), 0, 1));
    }

    @Test
    void gapsInTheNumbersDoNotMatter() {
        TreeSet<Long> numbers = new TreeSet<>(List.of(3L, 10L, 11L, 40L));
        assertEquals(List.of(3L, 10L), HistoryPolicy.toDelete(numbers, 40, 2));
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> HistoryPolicy.toDelete(range(1, 2), 2, 0));
    }
}
