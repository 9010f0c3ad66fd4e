package dev.fulcrum.config.keepalived.model;

import dev.fulcrum.api.config.SourceLocation;
import dev.fulcrum.config.internal.IpLiterals;
import dev.fulcrum.config.internal.ProblemCollector;
import dev.fulcrum.config.keepalived.Statement;
import dev.fulcrum.config.keepalived.Token;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the arguments of one statement, reporting every bad or missing value at its location with
 * what was expected. Each method returns empty after reporting; none throws for bad input.
 */
final class Args {

    private static final Pattern DECIMAL = Pattern.compile("\\d{1,9}(\\.\\d{1,6})?");

    private final ProblemCollector problems;

    Args(ProblemCollector problems) {
        this.problems = problems;
    }

    ProblemCollector problems() {
        return problems;
    }

    /** Where a missing argument after the keyword or its last argument would go. */
    static SourceLocation after(Statement statement) {
        List<Token> arguments = statement.arguments();
        if (!arguments.isEmpty()) {
            return arguments.get(arguments.size() - 1).end();
        }
        SourceLocation at = statement.location();
        return new SourceLocation(at.source(), at.line(), at.column() + statement.keyword().length());
    }

    void error(Token token, String message) {
        problems.error(token.location(), token.text(), message);
    }

    void error(Statement statement, String message) {
        problems.error(statement.location(), statement.keyword(), message);
    }

    void warning(Statement statement, String message) {
        problems.warning(statement.location(), statement.keyword(), message);
    }

    void warning(Token token, String message) {
        problems.warning(token.location(), token.text(), message);
    }

    /** Checks there are min..max arguments; reports "expected ..." at the first extra or the missing place. */
    boolean count(Statement statement, int min, int max, String expected) {
        int n = statement.arguments().size();
        if (n < min) {
            problems.error(after(statement), "", statement.keyword() + ": missing argument: expected " + expected);
            return false;
        }
        if (n > max) {
            error(statement.arguments().get(max), statement.keyword() + ": too many arguments: expected " + expected);
            return false;
        }
        return true;
    }

    /** Exactly one argument. */
    Optional<Token> one(Statement statement, String expected) {
        return count(statement, 1, 1, expected) ? Optional.of(statement.arguments().get(0)) : Optional.empty();
    }

    /** No argument (a flag such as {@code nopreempt}). */
    boolean none(Statement statement) {
        return count(statement, 0, 0, "no argument");
    }

    /** All arguments joined by a space: a command line or a text (at least one word). */
    Optional<String> text(Statement statement, String expected) {
        if (!count(statement, 1, Integer.MAX_VALUE, expected)) {
            return Optional.empty();
        }
        return Optional.of(String.join(" ", statement.argumentTexts()));
    }

    Optional<Integer> integer(Token token, int min, int max) {
        String text = token.text();
        if (text.matches("-?\\d{1,10}")) {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return Optional.of((int) value);
            }
        }
        error(token, "expected an integer " + min + ".." + max);
        return Optional.empty();
    }

    Optional<Integer> integer(Statement statement, int min, int max) {
        return one(statement, "an integer " + min + ".." + max).flatMap(t -> integer(t, min, max));
    }

    Optional<Long> longValue(Token token, long min, long max) {
        String text = token.text();
        if (text.matches("\\d{1,19}")) {
            try {
                long value = Long.parseLong(text);
                if (value >= min && value <= max) {
                    return Optional.of(value);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        error(token, "expected an integer " + min + ".." + max);
        return Optional.empty();
    }

    /** Seconds, possibly with a fraction (keepalived reads timers as decimals), in min..max. */
    Optional<Duration> seconds(Token token, String min, String max) {
        String text = token.text();
        if (DECIMAL.matcher(text).matches()) {
            BigDecimal value = new BigDecimal(text);
            if (value.compareTo(new BigDecimal(min)) >= 0 && value.compareTo(new BigDecimal(max)) <= 0) {
                return Optional.of(Duration.ofNanos(value.movePointRight(9).longValueExact()));
            }
        }
        error(token, "expected seconds " + min + ".." + max);
        return Optional.empty();
    }

    Optional<Duration> seconds(Statement statement, String min, String max) {
        return one(statement, "seconds " + min + ".." + max).flatMap(t -> seconds(t, min, max));
    }

    /** A literal IPv4 or IPv6 address (never a host name: no DNS lookup). */
    Optional<InetAddress> address(Token token) {
        Optional<InetAddress> address = parseAddress(token.text());
        if (address.isEmpty()) {
            error(token, "expected an IPv4 or IPv6 address");
        }
        return address;
    }

    Optional<InetAddress> address(Statement statement) {
        return one(statement, "an IPv4 or IPv6 address").flatMap(this::address);
    }

    static Optional<InetAddress> parseAddress(String text) {
        return IpLiterals.parse(text);
    }

    /** A port 1..65535. */
    Optional<Integer> port(Token token) {
        return integer(token, 1, 65535);
    }

    /** One of the given words, exactly as keepalived compares them (case-sensitive). */
    Optional<String> choice(Token token, List<String> words) {
        if (words.contains(token.text())) {
            return Optional.of(token.text());
        }
        error(token, "expected " + String.join(", ", words.subList(0, words.size() - 1)) + " or "
                + words.get(words.size() - 1));
        return Optional.empty();
    }

    Optional<String> choice(Statement statement, List<String> words) {
        return one(statement, String.join("|", words)).flatMap(t -> choice(t, words));
    }

    /**
     * An optional boolean argument as keepalived's check_true_false reads it: none = true;
     * true/on/yes = true; false/off/no = false.
     */
    Optional<Boolean> flag(Statement statement) {
        if (!count(statement, 0, 1, "no argument, or true|false")) {
            return Optional.empty();
        }
        if (statement.arguments().isEmpty()) {
            return Optional.of(true);
        }
        Token token = statement.arguments().get(0);
        switch (token.text()) {
            case "true":
            case "on":
            case "yes":
                return Optional.of(true);
            case "false":
            case "off":
            case "no":
                return Optional.of(false);
            default:
                error(token, "expected true or false");
                return Optional.empty();
        }
    }
}
