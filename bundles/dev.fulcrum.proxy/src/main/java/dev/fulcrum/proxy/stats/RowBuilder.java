package dev.fulcrum.proxy.stats;

import dev.fulcrum.api.proxy.StatField;
import dev.fulcrum.api.proxy.StatRow;
import java.util.Arrays;
import java.util.function.ToLongFunction;

/** Fills one {@link StatRow}; a field never set stays empty, as HAProxy leaves it. */
final class RowBuilder {

    private final String[] values = new String[StatField.values().length];

    RowBuilder() {
        Arrays.fill(values, "");
    }

    RowBuilder set(StatField field, String value) {
        values[field.ordinal()] = value;
        return this;
    }

    RowBuilder set(StatField field, long value) {
        return set(field, Long.toString(value));
    }

    /** Columns that are zero because the proxy never does what they count (no compression, no cache...). */
    RowBuilder zero(StatField... fields) {
        for (StatField field : fields) {
            set(field, 0);
        }
        return this;
    }

    /** hrsp_1xx .. hrsp_other from the row's counters. */
    RowBuilder responses(ToLongFunction<Traffic> counts) {
        set(StatField.HRSP_1XX, counts.applyAsLong(Traffic.HRSP_1XX));
        set(StatField.HRSP_2XX, counts.applyAsLong(Traffic.HRSP_2XX));
        set(StatField.HRSP_3XX, counts.applyAsLong(Traffic.HRSP_3XX));
        set(StatField.HRSP_4XX, counts.applyAsLong(Traffic.HRSP_4XX));
        set(StatField.HRSP_5XX, counts.applyAsLong(Traffic.HRSP_5XX));
        return set(StatField.HRSP_OTHER, counts.applyAsLong(Traffic.HRSP_OTHER));
    }

    StatRow build() {
        return new StatRow(Arrays.asList(values));
    }
}
