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

    /** Removes the character at {@code index} (e.g. the backslash of an escaped comment character). */
    public LocatedLine deleteCharAt(int index) {
        return replace(index, index + 1, "");
    }

    /**
     * Replaces {@code [begin, end)} with {@code replacement}; the new characters start at the
     * column of {@code begin} and end where {@code end - 1} ended.
     */
    public LocatedLine replace(int begin, int end, String replacement) {
        int newLength = text.length() - (end - begin) + replacement.length();
        int[] newStarts = new int[newLength];
        int[] newEnds = new int[newLength];
        System.arraycopy(starts, 0, newStarts, 0, begin);
        System.arraycopy(ends, 0, newEnds, 0, begin);
        int start = begin < starts.length ? starts[begin] : endColumn;
        int stop = end > begin ? ends[end - 1] : start;
        for (int i = 0; i < replacement.length(); i++) {
            newStarts[begin + i] = start;
            newEnds[begin + i] = stop;
        }
        System.arraycopy(starts, end, newStarts, begin + replacement.length(), starts.length - end);
        System.arraycopy(ends, end, newEnds, begin + replacement.length(), ends.length - end);
        String newText = text.substring(0, begin) + replacement + text.substring(end);
        return new LocatedLine(source, line, newText, newStarts, newEnds, endColumn);
    }

    @Override
    public String toString() {
        return source + ":" + line + ": " + text;
    }
}
