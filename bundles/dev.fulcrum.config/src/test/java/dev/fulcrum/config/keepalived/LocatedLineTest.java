package dev.fulcrum.config.keepalived;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Columns survive cutting and rebuilding, whether a line keeps per-character columns or not. */
class LocatedLineTest {

    private static List<Integer> columns(LocatedLine line) {
        List<Integer> columns = new ArrayList<>();
        for (int i = 0; i <= line.length(); i++) {
            columns.add(line.locationAt(i).column());
        }
        for (int i = 0; i < line.length(); i++) {
            columns.add(-line.endColumnAt(i));
        }
        return columns;
    }

    @Test
    void cutsOfAPhysicalLineKeepTheirColumns() {
        LocatedLine line = LocatedLine.of("k.conf", 3, "  abc def  ");
        LocatedLine cut = line.substring(2, 9).substring(4, 7);
        assertEquals("def", cut.text());
        assertEquals(List.of(7, 8, 9, 10, -8, -9, -10), columns(cut));
        assertEquals(10, cut.endColumn());
    }

    @Test
    void aContiguousCopyStaysLikeTheOriginAndAReplacementPointsAtWhatItReplaced() {
        LocatedLine line = LocatedLine.of("k.conf", 1, "ab $X cd");
        LocatedLine copied = new LocatedLine.Builder(line).copy(1, 3).copy(3, 5).build();
        assertEquals(columns(line.substring(1, 5)), columns(copied));

        LocatedLine substituted = new LocatedLine.Builder(line).copy(0, 3).replacement("long", 3, 5).copy(5, 8).build();
        assertEquals("ab long cd", substituted.text());
        assertEquals(List.of(1, 2, 3, 4, 4, 4, 4, 6, 7, 8, 9, -2, -3, -4, -6, -6, -6, -6, -7, -8, -9),
                columns(substituted));
        LocatedLine gap = new LocatedLine.Builder(line).copy(0, 2).copy(3, 5).build();
        assertEquals(List.of(1, 2, 4, 5, 6, -2, -3, -5, -6), columns(gap));
        assertEquals(List.of(4, 4, 4, 4, -6, -6, -6), columns(substituted.substring(3, 6)));
    }
}
