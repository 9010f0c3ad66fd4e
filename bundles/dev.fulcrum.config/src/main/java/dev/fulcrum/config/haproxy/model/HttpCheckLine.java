package dev.fulcrum.config.haproxy.model;

import dev.fulcrum.api.model.proxy.HttpCheckExpect;
import dev.fulcrum.config.haproxy.Line;
import dev.fulcrum.config.haproxy.Token;
import dev.fulcrum.config.internal.ProblemCollector;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * configuration.txt 4.2 "http-check expect [!] &lt;match&gt; &lt;pattern&gt;" with the matches status,
 * rstatus, string and rstring. The other http-check actions (send, connect, comment, ...) and
 * expect options (min-recv, ok-status, ...) are reported as unsupported. Regexes are checked with
 * java.util.regex, close to HAProxy's PCRE for the common syntax.
 */
final class HttpCheckLine {

    private static final Pattern STATUS = Pattern.compile("[0-9]{3}(-[0-9]{3})?(,[0-9]{3}(-[0-9]{3})?)*");

    private HttpCheckLine() {
    }

    static Optional<HttpCheckExpect> expect(Line line, String context, ProblemCollector problems) {
        Optional<Token> action = Words.require(line, 0, "http-check", "expect [!] status|rstatus|string|rstring"
                + " PATTERN", problems);
        if (action.isEmpty()) {
            return Optional.empty();
        }
        if (!action.get().text().equals("expect")) {
            problems.unsupported(action.get().location(), "http-check " + action.get().text(), context);
            return Optional.empty();
        }
        int i = 1;
        boolean negated = line.argument(1).map(t -> t.text().equals("!")).orElse(false);
        if (negated) {
            i++;
        }
        String expected = "status, rstatus, string or rstring";
        Optional<Token> match = Words.require(line, i, "http-check expect", expected, problems);
        if (match.isEmpty()) {
            return Optional.empty();
        }
        HttpCheckExpect.Match kind;
        switch (match.get().text()) {
            case "status": kind = HttpCheckExpect.Match.STATUS; break;
            case "rstatus": kind = HttpCheckExpect.Match.RSTATUS; break;
            case "string": kind = HttpCheckExpect.Match.STRING; break;
            case "rstring": kind = HttpCheckExpect.Match.RSTRING; break;
            default:
                if (match.get().text().startsWith("-") || match.get().text().equals("min-recv")
                        || match.get().text().equals("comment") || match.get().text().endsWith("-status")
                        || match.get().text().equals("header") || match.get().text().equals("fhdr")
                        || match.get().text().equals("custom")) {
                    problems.unsupported(match.get().location(), "http-check expect " + match.get().text(), context);
                } else {
                    problems.error(match.get().location(), match.get().text(), "unknown match for 'http-check expect':"
                            + " expected " + expected);
                }
                return Optional.empty();
        }
        Optional<Token> pattern = Words.require(line, i + 1, "http-check expect " + kind.keyword(), "a pattern",
                problems);
        if (pattern.isEmpty() || !Words.noMore(line, i + 2, "http-check expect " + kind.keyword(), problems)
                || !valid(kind, pattern.get(), problems)) {
            return Optional.empty();
        }
        return Optional.of(new HttpCheckExpect(negated, kind, pattern.get().text()));
    }

    private static boolean valid(HttpCheckExpect.Match kind, Token pattern, ProblemCollector problems) {
        String text = pattern.text();
        if (text.isEmpty()) {
            problems.error(pattern.location(), text, "empty pattern for 'http-check expect " + kind.keyword() + "'");
            return false;
        }
        if (kind == HttpCheckExpect.Match.STATUS && !STATUS.matcher(text).matches()) {
            problems.error(pattern.location(), text, "invalid status: expected 3-digit codes or ranges such as 200,"
                    + " 200-399 or 200,302");
            return false;
        }
        if (kind == HttpCheckExpect.Match.RSTATUS || kind == HttpCheckExpect.Match.RSTRING) {
            try {
                Pattern.compile(text);
            } catch (PatternSyntaxException e) {
                problems.error(pattern.location(), text, "invalid regular expression: " + e.getDescription());
                return false;
            }
        }
        return true;
    }
}
