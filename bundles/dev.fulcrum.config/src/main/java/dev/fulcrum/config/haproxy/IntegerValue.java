package dev.fulcrum.config.haproxy;

import dev.fulcrum.config.internal.ProblemCollector;
import java.math.BigInteger;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Plain decimal integers with an inclusive range, e.g. {@code retries}, {@code weight 0..256},
 * {@code rise}/{@code fall}. Stricter than HAProxy's atoi(), which silently stops at the first
 * non-digit: {@code 3x} is an error here, located at the {@code x}.
 */
public final class IntegerValue {

    private IntegerValue() {
    }

    /** An int in [min, max], or empty after reporting "expected an integer from MIN to MAX". */
    public static OptionalInt parse(Token token, int min, int max, ProblemCollector problems) {
        OptionalLong value = parseLong(token, min, max, problems);
        return value.isPresent() ? OptionalInt.of((int) value.getAsLong()) : OptionalInt.empty();
    }

    /** A long in [min, max], or empty after reporting "expected an integer from MIN to MAX". */
    public static OptionalLong parseLong(Token token, long min, long max, ProblemCollector problems) {
        String text = token.text();
        String expected = "expected an integer from " + min + " to " + max;
        int start = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
        if (text.length() == start) {
            problems.error(token.location(), text, (text.isEmpty() ? "missing value: " : "not an integer: ") + expected);
            return OptionalLong.empty();
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                problems.error(token.locationAt(i), text, "unexpected character '" + c + "' in an integer: " + expected);
                return OptionalLong.empty();
            }
        }
        BigInteger value = new BigInteger(text);
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            problems.error(token.location(), text, "out of range: " + expected);
            return OptionalLong.empty();
        }
        return OptionalLong.of(value.longValueExact());
    }
}
