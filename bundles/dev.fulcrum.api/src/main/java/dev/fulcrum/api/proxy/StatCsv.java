package dev.fulcrum.api.proxy;

import java.util.List;

/**
 * HAProxy's {@code show stat} CSV text (management.txt 9.1): a header line starting with
 * {@code "# "}, then one line per row; every field, the last one too, is followed by a comma.
 */
public final class StatCsv {

    private StatCsv() {
    }

    /** The header line, without its line end. */
    public static String header() {
        StringBuilder line = new StringBuilder("# ");
        for (StatField field : StatField.values()) {
            line.append(field.keyword()).append(',');
        }
        return line.toString();
    }

    /** One row, without its line end. */
    public static String line(StatRow row) {
        StringBuilder line = new StringBuilder();
        for (String value : row.values()) {
            line.append(quoted(value)).append(',');
        }
        return line.toString();
    }

    /** The whole answer: header, rows and the empty line that ends it, each line ending with LF. */
    public static String format(List<StatRow> rows) {
        StringBuilder text = new StringBuilder(header()).append('\n');
        rows.forEach(row -> text.append(line(row)).append('\n'));
        return text.append('\n').toString();
    }

    /** A value holding a comma, quote or line end is quoted, its quotes doubled (RFC 4180 2.6, 2.7). */
    static String quoted(String value) {
        if (value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
