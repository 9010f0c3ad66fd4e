package dev.fulcrum.api.config;

import java.util.Objects;

/**
 * A place in a configuration source.
 *
 * @param source a file path, or a name such as "REST body" for input that is not a file
 * @param line   1-based line
 * @param column 1-based column (in characters), or 0 when the whole line is meant
 */
public record SourceLocation(String source, int line, int column) {

    public SourceLocation {
        Objects.requireNonNull(source, "source");
        if (line < 1 || column < 0) {
            throw new IllegalArgumentException("line must be >= 1 and column >= 0: " + line + ":" + column);
        }
    }

    /** {@code file:line:column}, or {@code file:line} for a whole line, as compilers print it. */
    @Override
    public String toString() {
        return column == 0 ? source + ":" + line : source + ":" + line + ":" + column;
    }
}
