package dev.fulcrum.config.haproxy;

import dev.fulcrum.config.internal.ProblemCollector;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The shared shape of configuration.txt 2.5 "Time format" and the size format (2.6 in HAProxy 2.8's
 * manual): decimal digits, then an optional unit. "Both time and size formats require integers,
 * decimal notation is not allowed."
 */
final class NumberWithUnit {

    /** The digits as a number (never negative, unbounded) and the unit as written ("" when absent). */
    record Parsed(BigInteger number, String unit) {
    }

    private NumberWithUnit() {
    }

    /**
     * @param units        the accepted units, longer ones before their prefixes (ms before m)
     * @param ignoreCase   whether units are case-insensitive
     * @param what         "time" or "size", for messages
     * @param unitsMessage e.g. "us, ms, s, m, h or d"
     */
    static Optional<Parsed> parse(Token token, List<String> units, boolean ignoreCase, String what,
            String unitsMessage, ProblemCollector problems) {
        String text = token.text();
        if (text.isEmpty()) {
            problems.error(token.location(), "", "missing " + what + ": expected digits with an optional unit "
                    + unitsMessage);
            return Optional.empty();
        }
        int end = 0;
        while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
            end++;
        }
        if (end == 0) {
            char first = text.charAt(0);
            problems.error(token.locationAt(0), text, first == '-' ? "negative " + what + ": expected a number from 0"
                    : "unexpected character '" + first + "': a " + what + " starts with digits");
            return Optional.empty();
        }
        BigInteger number = new BigInteger(text.substring(0, end));
        String rest = text.substring(end);
        if (rest.startsWith(".") || rest.startsWith(",")) {
            problems.error(token.locationAt(end), text, "decimal notation is not allowed: a " + what
                    + " is an integer with an optional unit " + unitsMessage);
            return Optional.empty();
        }
        if (rest.isEmpty()) {
            return Optional.of(new Parsed(number, ""));
        }
        String comparable = ignoreCase ? rest.toLowerCase(Locale.ROOT) : rest;
        for (String unit : units) {
            if (comparable.startsWith(unit)) {
                if (rest.length() > unit.length()) {
                    int at = end + unit.length();
                    problems.error(token.locationAt(at), text, "unexpected character '" + text.charAt(at)
                            + "' after the unit '" + rest.substring(0, unit.length()) + "'");
                    return Optional.empty();
                }
                return Optional.of(new Parsed(number, unit));
            }
        }
        problems.error(token.locationAt(end), text, "unknown " + what + " unit '" + rest + "': expected " + unitsMessage);
        return Optional.empty();
    }
}
