package dev.fulcrum.config.keepalived;

import dev.fulcrum.api.config.SourceLocation;
import java.util.Arrays;
import java.util.Objects;

/**
 * One line of keepalived.conf text in which every character remembers where it came from, so
 * that tokens keep exact columns through comment removal, escape removal and parameter
 * substitution. Characters produced by a substitution point at the {@code $} of the reference
 * and end where the reference ended. Immutable.
 *
 * <p>Most lines are never rewritten, only cut: such a line is <em>direct</em> (character {@code i}
 * is at column {@code offset + i + 1}) and carries no per-character arrays. Only a line with a
 * substitution or a removed escape keeps a column pair per character; this keeps the allocation of
 * a parse close to the size of its input.
 */
public final class LocatedLine {

    private final String source;
    private final int line;
    private final String text;
    /** Null for a direct line. */
    private final int[] starts;
    private final int[] ends;
    /** A direct line's first character is at column {@code offset + 1}. */
    private final int offset;
    private final int endColumn;

    private LocatedLine(String source, int line, String text, int[] starts, int[] ends, int offset, int endColumn) {
        this.source = source;
        this.line = line;
        this.text = text;
        this.starts = starts;
        this.ends = ends;
        this.offset = offset;
        this.endColumn = endColumn;
    }

    /** A physical line: character {@code i} is at column {@code i + 1}. */
    public static LocatedLine of(String source, int line, String text) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        return new LocatedLine(source, line, text, null, null, 0, text.length() + 1);
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
        return new SourceLocation(source, line, index < text.length() ? startAt(index) : endColumn);
    }

    /** The column just after character {@code index} in the source line. */
    public int endColumnAt(int index) {
        return starts == null ? offset + index + 2 : ends[index];
    }

    /** The column just after the last character of the line. */
    public int endColumn() {
        return endColumn;
    }

    private int startAt(int index) {
        return starts == null ? offset + index + 1 : starts[index];
    }

    public LocatedLine substring(int begin, int end) {
        int stop = end < text.length() ? startAt(end) : endColumn;
        if (starts == null) {
            return new LocatedLine(source, line, text.substring(begin, end), null, null, offset + begin, stop);
        }
        return new LocatedLine(source, line, text.substring(begin, end), Arrays.copyOfRange(starts, begin, end),
                Arrays.copyOfRange(ends, begin, end), 0, stop);
    }

    /**
     * Builds a line from pieces of another and replacement texts, in one pass. As long as it only
     * copies one contiguous range of a direct line, the result is direct too.
     */
    static final class Builder {
        private final LocatedLine origin;
        /** Used once the result is no longer direct. */
        private final StringBuilder text = new StringBuilder();
        /** Null while the result is direct: then it is origin characters [directBegin, directBegin + directLength). */
        private int[] starts;
        private int[] ends;
        private int directBegin;
        private int directLength;

        Builder(LocatedLine origin) {
            this.origin = origin;
        }

        int length() {
            return starts == null ? directLength : text.length();
        }

        /** Appends characters {@code [begin, end)} of the origin line, with their columns. */
        Builder copy(int begin, int end) {
            if (begin >= end) {
                return this;
            }
            if (starts == null && origin.starts == null && (directLength == 0 || directBegin + directLength == begin)) {
                if (directLength == 0) {
                    directBegin = begin;
                }
                directLength += end - begin;
                return this;
            }
            materialize();
            for (int i = begin; i < end; i++) {
                put(origin.text.charAt(i), origin.startAt(i), origin.endColumnAt(i));
            }
            return this;
        }

        /** Appends text that replaces origin characters {@code [begin, end)}. */
        Builder replacement(String value, int begin, int end) {
            materialize();
            int start = begin < origin.text.length() ? origin.startAt(begin) : origin.endColumn;
            int stop = end > begin ? origin.endColumnAt(end - 1) : start;
            for (int i = 0; i < value.length(); i++) {
                put(value.charAt(i), start, stop);
            }
            return this;
        }

        /** From here on every character keeps its own columns. */
        private void materialize() {
            if (starts != null) {
                return;
            }
            starts = new int[Math.max(16, directLength * 2)];
            ends = new int[starts.length];
            for (int i = 0; i < directLength; i++) {
                text.append(origin.text.charAt(directBegin + i));
                starts[i] = origin.startAt(directBegin + i);
                ends[i] = origin.endColumnAt(directBegin + i);
            }
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
            if (starts == null) {
                return directLength == origin.length() ? origin
                        : directLength == 0 ? new LocatedLine(origin.source, origin.line, "", null, null, origin.offset,
                                origin.endColumn)
                        : origin.substring(directBegin, directBegin + directLength);
            }
            int n = text.length();
            return new LocatedLine(origin.source, origin.line, text.toString(), Arrays.copyOf(starts, n),
                    Arrays.copyOf(ends, n), 0, n > 0 ? ends[n - 1] : origin.endColumn);
        }
    }

    @Override
    public String toString() {
        return source + ":" + line + ": " + text;
    }
}
