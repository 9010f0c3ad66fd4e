package dev.fulcrum.config.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;

/**
 * Which revisions to delete when trimming the history, pure: keep the newest {@code keepNewest}
 * and always the current one, even when it is older (after a rollback far into the past), so that
 * the revision that is running can always be read back.
 */
final class HistoryPolicy {

    private HistoryPolicy() {
    }

    /**
     * @param numbers    the intact revisions, ascending
     * @param current    the current revision, or 0 when none
     * @param keepNewest at least 1
     * @return the numbers to delete, ascending
     */
    static List<Long> toDelete(NavigableSet<Long> numbers, long current, int keepNewest) {
        if (keepNewest < 1) {
            throw new IllegalArgumentException("history must keep at least 1 revision, got " + keepNewest);
        }
        List<Long> delete = new ArrayList<>();
        int kept = 0;
        for (Iterator<Long> newestFirst = numbers.descendingIterator(); newestFirst.hasNext();) {
            long number = newestFirst.next();
            if (kept < keepNewest) {
                kept++;
            } else if (number != current) {
                delete.add(0, number);
            }
        }
        return delete;
    }
}
