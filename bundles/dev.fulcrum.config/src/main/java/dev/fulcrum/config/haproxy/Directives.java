package dev.fulcrum.config.haproxy;

import dev.fulcrum.config.internal.ProblemCollector;
import java.util.List;

/**
 * Lines whose first word starts with a dot: configuration.txt 2.4 "Conditional blocks" and the
 * status directives {@code .diag}, {@code .notice}, {@code .warning}, {@code .alert}.
 */
final class Directives {

    private Directives() {
    }

    static void handle(List<Token> words, ProblemCollector problems) {
        Token directive = words.get(0);
        switch (directive.text()) {
            case ".if":
            case ".elif":
            case ".else":
            case ".endif":
                // Evaluating conditions needs HAProxy's feature list and version; ignoring them
                // would keep both branches, so this is an error even in lenient mode.
                problems.error(directive.location(), directive.text(), "conditional blocks (configuration.txt 2.4)"
                        + " are not supported: resolve them before loading this file");
                return;
            case ".diag":
            case ".notice":
            case ".warning":
            case ".alert":
                status(directive, words, problems);
                return;
            default:
                problems.error(directive.location(), directive.text(), "unknown directive: expected .if, .elif,"
                        + " .else, .endif, .diag, .notice, .warning or .alert");
        }
    }

    /** A message for the admin: .warning and .alert become problems, .notice and .diag only print. */
    private static void status(Token directive, List<Token> words, ProblemCollector problems) {
        if (words.size() > 2) {
            problems.error(words.get(2).location(), words.get(2).text(), "unexpected argument for '"
                    + directive.text() + "': quote the message if it contains spaces");
            return;
        }
        String message = words.size() > 1 ? words.get(1).text() : "";
        if (directive.text().equals(".warning")) {
            problems.warning(directive.location(), directive.text(), message);
        } else if (directive.text().equals(".alert")) {
            problems.error(directive.location(), directive.text(), message);
        }
    }
}
