package dev.fulcrum.api.model.proxy;

import java.util.Objects;

/**
 * configuration.txt 4.2 "http-check expect [!] &lt;match&gt; &lt;pattern&gt;", restricted to the four
 * matches below.
 *
 * @param negated {@code !}: the check fails when the pattern matches
 * @param pattern status: codes such as {@code 200} or {@code 200-399}; rstatus/rstring: a regex;
 *                string: a literal
 */
public record HttpCheckExpect(boolean negated, Match match, String pattern) {

    public enum Match {
        STATUS("status"),
        RSTATUS("rstatus"),
        STRING("string"),
        RSTRING("rstring");

        private final String keyword;

        Match(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    public HttpCheckExpect {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(pattern, "pattern");
        if (pattern.isEmpty()) {
            throw new IllegalArgumentException("http-check expect needs a pattern");
        }
    }
}
