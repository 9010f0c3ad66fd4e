package dev.fulcrum.config.emit;

import java.util.function.UnaryOperator;

/** A configuration text being written: section headers at column 0, keyword lines indented by 4 spaces. */
final class ConfigText {

    static final String INDENT = "    ";

    private final StringBuilder text = new StringBuilder();
    private final UnaryOperator<String> quoting;
    private int depth;

    /** @param quoting how a value word is written (each argument of {@link #line} goes through it) */
    ConfigText(UnaryOperator<String> quoting) {
        this.quoting = quoting;
    }

    /** A line of the keyword (written as is) and its value words (quoted as needed), at the current depth. */
    ConfigText line(String keyword, String... values) {
        text.append(INDENT.repeat(depth)).append(keyword);
        for (String value : values) {
            text.append(' ').append(quoting.apply(value));
        }
        text.append('\n');
        return this;
    }

    /** A line of words written as they are (already quoted). */
    ConfigText raw(String words) {
        text.append(INDENT.repeat(depth)).append(words).append('\n');
        return this;
    }

    /** Value words quoted with this text's quoting, for {@link #raw}. */
    String quote(String value) {
        return quoting.apply(value);
    }

    /** Opens a keepalived block: {@code words {}, one level deeper; top-level blocks are separated by a blank line. */
    ConfigText open(String words) {
        if (depth == 0 && text.length() > 0) {
            blank();
        }
        raw(words + " {");
        depth++;
        return this;
    }

    ConfigText close() {
        depth--;
        return raw("}");
    }

    /** Indents the following lines one level (haproxy.cfg section bodies). */
    ConfigText indent() {
        depth++;
        return this;
    }

    ConfigText outdent() {
        depth--;
        return this;
    }

    ConfigText blank() {
        text.append('\n');
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
