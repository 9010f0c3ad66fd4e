package dev.fulcrum.config.keepalived;

import dev.fulcrum.api.config.SourceLocation;
import java.util.Objects;

/**
 * One word of keepalived.conf after comments, conditionals and parameters have been applied.
 *
 * @param kind      a plain word, a double-quoted string, or a brace
 * @param text      the word; for {@link Kind#QUOTED} the text between the quotes
 * @param location  where the token starts (for a quoted string: its opening quote)
 * @param endColumn the column just after the token's last character in that line, i.e. where a
 *                  missing token after it would go
 */
public record Token(Kind kind, String text, SourceLocation location, int endColumn) {

    /** What a token is; only unquoted braces delimit blocks (keepalived.conf(5) DESCRIPTION). */
    public enum Kind {
        WORD,
        QUOTED,
        OPEN_BRACE,
        CLOSE_BRACE
    }

    public Token {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(location, "location");
    }

    /** A word or a quoted string, i.e. anything but a brace. */
    public boolean isWord() {
        return kind == Kind.WORD || kind == Kind.QUOTED;
    }

    /** The location just after this token, on the same line. */
    public SourceLocation end() {
        return new SourceLocation(location.source(), location.line(), endColumn);
    }

    /** The token as written, e.g. {@code "killall -0 haproxy"} with its quotes. */
    @Override
    public String toString() {
        return kind == Kind.QUOTED ? '"' + text + '"' : text;
    }
}
