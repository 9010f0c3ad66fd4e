package dev.fulcrum.sched.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FactoryTableTest {

    private final FactoryTable table = new FactoryTable();
    private final LowestIdFactory first = new LowestIdFactory("wlc");
    private final LowestIdFactory second = new LowestIdFactory("wlc");

    @Test
    void highestRankingWinsAndTheNextTakesOverWhenItGoes() {
        table.put(new FactoryTable.Entry("wlc", 10, 0, first));
        table.put(new FactoryTable.Entry("wlc", 11, 5, second));
        assertSame(second, table.winner("wlc").orElseThrow().factory());

        assertEquals(Set.of("wlc"), table.remove(11));
        assertSame(first, table.winner("wlc").orElseThrow().factory());
        table.remove(10);
        assertTrue(table.winner("wlc").isEmpty());
        assertTrue(table.names().isEmpty());
    }

    @Test
    void equalRankingsGoToTheLowestServiceId() {
        table.put(new FactoryTable.Entry("wlc", 12, 0, second));
        table.put(new FactoryTable.Entry("wlc", 7, 0, first));
        assertSame(first, table.winner("wlc").orElseThrow().factory());
    }

    @Test
    void aChangedRankingReplacesTheEntry() {
        table.put(new FactoryTable.Entry("wlc", 1, 0, first));
        table.put(new FactoryTable.Entry("wlc", 2, 1, second));
        table.put(new FactoryTable.Entry("wlc", 1, 9, first));
        assertSame(first, table.winner("wlc").orElseThrow().factory());
        table.remove(1);
        assertSame(second, table.winner("wlc").orElseThrow().factory());
    }

    @Test
    void namesAreSortedAndRemovingAnUnknownServiceTouchesNothing() {
        table.put(new FactoryTable.Entry("wrr", 1, 0, new LowestIdFactory("wrr")));
        table.put(new FactoryTable.Entry("lc", 2, 0, new LowestIdFactory("lc")));
        assertEquals(List.of("lc", "wrr"), List.copyOf(table.names()));
        assertTrue(table.remove(99).isEmpty());
    }
}
