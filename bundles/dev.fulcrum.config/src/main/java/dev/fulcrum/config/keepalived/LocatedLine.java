package dev.fulcrum.config.keepalived;

import dev.fulcrum.api.config.SourceLocation;
import java.util.Arrays;
import java.util.Objects;

/**
 * One line of keepalived.conf text in which every character remembers where it came from, so
 * that tokens keep exact columns through comment removal, escape removal and parameter
 * substitution. Characters produced by a substitution point at the {@code $} of the reference
 * and end where the reference ended. Immutable.
 */
public final class LocatedLine {

    private final String source;
    private final int line;
    private final String text;
    private final int[] starts;
    private final int[] ends;
    private final int endColumn;

    private LocatedLine(String source, int line, String text, int[] starts, int[] ends, int endColumn) {
        this.source = source;
        this.line = line;
        this.text = text;
        this.starts = starts;
        this.ends = ends;
        this.endColumn = endColumn;
    }

    /** A physical line: character {@code i} is at column {@code i + 1}. */
    public static LocatedLine of(String source, int line, String text) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        int[] starts = new int[text.length()];
        int[] ends = new int[text.length()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = i + 1;
            ends[i] = i + 2;
        }
        return new LocatedLine(source, line, text, starts, ends, text.length() + 1);
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    public char charAt(int index) {
        return text.charAt(index);
    }

    /** Where character {@code index} came from; the end of the line for {@code index == length()}. */
    public SourceLocation locationAt(int index) {
        return new SourceLocation(source, line, index < starts.length ? starts[index] : endColumn);
    }

    /** The column just after character {@code index} in the source line. */
    public int endColumnAt(int index) {
        return ends[index];
    }

    /** The column just after the last character of the line. */
    public int endColumn() {
        return endColumn;
    }

    public LocatedLine substring(int begin, int end) {
        return new LocatedLine(source, line, text.substring(begin, end), Arrays.copyOfRange(starts, begin, end),
                Arrays.copyOfRange(ends, begin, end), end < starts.length ? starts[end] : endColumn);
    }

    /** Builds a line from pieces of another and replacement texts, in one pass. */
    static final class Builder {
        private final LocatedLine origin;
        private final StringBuilder text = new StringBuilder();
        private int[] starts = new int[16];
        private int[] ends = new int[16];

        Builder(LocatedLine origin) {
            this.origin = origin;
        }

        int length() {
            return text.length();
        }

        /** Appends characters {@code [begin, end)} of the origin line, with their columns. */
        Builder copy(int begin, int end) {
            for (int i = begin; i < end; i++) {
                put(origin.text.charAt(i), origin.starts[i], origin.ends[i]);
            }
            return this;
        }

        /** Appends text that replaces origin characters {@code [begin, end)}. */
        Builder replacement(String value, int begin, int end) {
            int start = begin < origin.starts.length ? origin.starts[begin] : origin.endColumn;
            int stop = end > begin ? origin.ends[end - 1] : start;
            for (int i = 0; i < value.length(); i++) {
                put(value.charAt(i), start, stop);
            }
            return this;
        }

        private void put(char c, int start, int end) {
            int index = text.length();
            if (index == starts.length) {
                starts = Arrays.copyOf(starts, index * 2);
                ends = Arrays.copyOf(ends, index * 2);
            }
            text.append(c);
            starts[index] = start;
            ends[index] = end;
        }

        LocatedLine build() {
            int n = text.length();
            return new LocatedLine(origin.source, origin.line, text.toString(), Arrays.copyOf(starts, n),
                    Arrays.copyOf(ends, n), n > 0 ? ends[n - 1] : origin.endColumn);
        }
    }

    @Override
    public String toString() {
        return source + ":" + line + ": " + text;
    }
}
