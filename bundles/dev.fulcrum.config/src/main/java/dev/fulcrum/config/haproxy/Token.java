package dev.fulcrum.config.haproxy;

import dev.fulcrum.api.config.SourceLocation;
import java.util.Arrays;
import java.util.Objects;

/**
 * One word of a haproxy.cfg line after quote removal, escape processing and environment expansion
 * (configuration.txt 2.2, 2.3), with where it starts in the file.
 *
 * <p>Every character of {@link #text()} remembers the column it came from, so a value parser can
 * point at the offending character even inside a quoted or escaped word ({@link #locationAt}).
 * Characters produced by a variable expansion point at that variable's {@code $}.
 */
public final class Token {

    private final String text;
    private final SourceLocation location;
    private final int[] columns;

    /** A token whose characters sit one after the other from {@code location}, as in unquoted text. */
    public Token(String text, SourceLocation location) {
        this(text, location, consecutive(location.column(), text.length()));
    }

    Token(String text, SourceLocation location, int[] columns) {
        this.text = Objects.requireNonNull(text, "text");
        this.location = Objects.requireNonNull(location, "location");
        if (columns.length != text.length()) {
            throw new IllegalArgumentException("one column per character expected");
        }
        this.columns = columns.clone();
    }

    /** The word as HAProxy sees it: unquoted, unescaped, expanded. */
    public String text() {
        return text;
    }

    /** Where the word starts (its first character, or its opening quote). */
    public SourceLocation location() {
        return location;
    }

    /**
     * Where the character at {@code index} of {@link #text()} came from; an index at or past the
     * end means just after the last character (e.g. "a unit is missing here").
     */
    public SourceLocation locationAt(int index) {
        if (index < 0 || text.isEmpty()) {
            return location;
        }
        int column = index < columns.length ? columns[index] : columns[columns.length - 1] + 1;
        return new SourceLocation(location.source(), location.line(), column);
    }

    /** The characters [begin, end) as a token of their own, keeping their columns. */
    Token slice(int begin, int end) {
        return new Token(text.substring(begin, end), locationAt(begin), Arrays.copyOfRange(columns, begin, end));
    }

    private static int[] consecutive(int first, int length) {
        int[] columns = new int[length];
        for (int i = 0; i < length; i++) {
            columns[i] = first + i;
        }
        return columns;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Token token && text.equals(token.text) && location.equals(token.location)
                && Arrays.equals(columns, token.columns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, location);
    }

    /** {@code 'text'@file:line:column}, for test failure messages. */
    @Override
    public String toString() {
        return "'" + text + "'@" + location;
    }
}
