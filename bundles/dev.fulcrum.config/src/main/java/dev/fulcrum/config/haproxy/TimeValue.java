package dev.fulcrum.config.haproxy;

import dev.fulcrum.config.internal.ProblemCollector;
import java.math.BigInteger;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * configuration.txt 2.5 "Time format": an integer "generally expressed in milliseconds [...] but may
 * be expressed in any other unit by suffixing the unit": us, ms (the default), s, m, h, d. Units are
 * lower case (HAProxy 2.6.12 rejects {@code 10S}).
 *
 * <p>The largest accepted value is HAProxy's timer limit, 2147483647 ms (~24.8 days: "timer overflow
 * [...] maximum value is 2147483647 ms"). Sub-millisecond values are kept exactly (HAProxy 2.6
 * accepts {@code timeout client 500us}); a keyword that works in whole milliseconds rounds them.
 * Where HAProxy 2.6 only warns about characters after a valid unit ({@code 10mss}), this is an error,
 * as in later HAProxy versions.
 */
public final class TimeValue {

    /** HAProxy's largest timer value. */
    public static final Duration MAX = Duration.ofMillis(Integer.MAX_VALUE);

    private static final List<String> UNITS = List.of("us", "ms", "s", "m", "h", "d");
    private static final Map<String, Long> MICROS = Map.of(
            "", 1_000L, "us", 1L, "ms", 1_000L, "s", 1_000_000L, "m", 60_000_000L, "h", 3_600_000_000L,
            "d", 86_400_000_000L);
    private static final BigInteger MAX_MICROS = BigInteger.valueOf(Integer.MAX_VALUE).multiply(BigInteger.valueOf(1_000));

    private TimeValue() {
    }

    /** The duration written in {@code token}, or empty after reporting why it is not one. */
    public static Optional<Duration> parse(Token token, ProblemCollector problems) {
        Optional<NumberWithUnit.Parsed> parsed = NumberWithUnit.parse(token, UNITS, false, "time",
                "us, ms, s, m, h or d (default ms)", problems);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        BigInteger micros = parsed.get().number().multiply(BigInteger.valueOf(MICROS.get(parsed.get().unit())));
        if (micros.compareTo(MAX_MICROS) > 0) {
            problems.error(token.location(), token.text(), "time overflow: the maximum is 2147483647 ms (~24.8 days)");
            return Optional.empty();
        }
        return Optional.of(Duration.of(micros.longValueExact(), ChronoUnit.MICROS));
    }
}
