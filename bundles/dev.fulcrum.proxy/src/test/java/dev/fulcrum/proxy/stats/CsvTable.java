package dev.fulcrum.proxy.stats;

import dev.fulcrum.api.proxy.StatField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A {@code show stat} answer read back: its rows, each split at the commas (no value here is quoted). */
record CsvTable(List<List<String>> rows) {

    static CsvTable parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : csv.split("\n")) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                // Every field ends with a comma: -1 keeps the empty ones, the last split is the line's end.
                List<String> fields = Arrays.asList(line.split(",", -1));
                rows.add(List.copyOf(fields.subList(0, fields.size() - 1)));
            }
        }
        return new CsvTable(List.copyOf(rows));
    }

    /** "pxname/svname field=value ..." per row, for the given fields: readable in an assertion message. */
    List<String> project(List<StatField> fields) {
        return rows.stream().map(row -> {
            StringBuilder text = new StringBuilder(row.get(0) + "/" + row.get(1));
            fields.forEach(f -> text.append(' ').append(f.keyword()).append('=').append(row.get(f.ordinal())));
            return text.toString();
        }).toList();
    }

    /** "pxname/svname: the non-empty fields" per row, leaving out the given fields. */
    List<String> emptiness(List<StatField> ignored) {
        return rows.stream().map(row -> {
            StringBuilder text = new StringBuilder(row.get(0) + "/" + row.get(1) + ":");
            for (StatField field : StatField.values()) {
                if (!ignored.contains(field) && !row.get(field.ordinal()).isEmpty()) {
                    text.append(' ').append(field.keyword());
                }
            }
            return text.toString();
        }).toList();
    }
}
