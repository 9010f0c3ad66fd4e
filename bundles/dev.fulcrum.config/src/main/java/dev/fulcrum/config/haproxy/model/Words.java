package dev.fulcrum.config.haproxy.model;

import dev.fulcrum.api.config.SourceLocation;
import dev.fulcrum.config.haproxy.Line;
import dev.fulcrum.config.haproxy.Token;
import dev.fulcrum.config.internal.ProblemCollector;
import java.util.Optional;

/** Argument access with located "missing" and "unexpected" errors, shared by the keyword mappers. */
final class Words {

    private Words() {
    }

    /** Just after the last word of the line: where a missing argument belongs. */
    static SourceLocation end(Line line) {
        if (line.arguments().isEmpty()) {
            SourceLocation start = line.location();
            return new SourceLocation(start.source(), start.line(), start.column() + line.keyword().length());
        }
        Token last = line.arguments().get(line.arguments().size() - 1);
        return last.locationAt(last.text().length());
    }

    /** The argument at {@code index}, or empty after "missing argument for 'WHAT': expected EXPECTED". */
    static Optional<Token> require(Line line, int index, String what, String expected, ProblemCollector problems) {
        Optional<Token> token = line.argument(index);
        if (token.isEmpty()) {
            problems.error(end(line), "", "missing argument for '" + what + "': expected " + expected);
        }
        return token;
    }

    /** Reports the first argument from {@code index} on, if any: "unexpected argument ...: expected nothing after X". */
    static boolean noMore(Line line, int index, String what, ProblemCollector problems) {
        Optional<Token> extra = line.argument(index);
        extra.ifPresent(token -> problems.error(token.location(), token.text(), "unexpected argument for '" + what
                + "': expected nothing after '" + (index == 0 ? line.keyword() : line.arguments().get(index - 1).text())
                + "'"));
        return extra.isEmpty();
    }

    /** "timeout client", "option httplog": the keyword and the first argument. */
    static String twoWords(Line line) {
        return line.keyword() + line.argument(0).map(t -> " " + t.text()).orElse("");
    }
}
