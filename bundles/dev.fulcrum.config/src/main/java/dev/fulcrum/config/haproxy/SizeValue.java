package dev.fulcrum.config.haproxy;

import dev.fulcrum.config.internal.ProblemCollector;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Sizes in bytes with an optional case-insensitive unit k (1024), m (1048576) or g (1073741824):
 * HAProxy 2.6's parse_size_err() (src/tools.c), documented as section 2.6 "Size format" from the
 * HAProxy 2.8 manual on (the 2.6 manual describes sizes per keyword). Like HAProxy 2.6 the result
 * must fit in 32 bits unsigned: 4294967295 bytes at most ({@code 3g} is accepted, {@code 4g} is not).
 */
public final class SizeValue {

    /** UINT_MAX, the largest size parse_size_err() returns. */
    public static final long MAX = 4_294_967_295L;

    private static final List<String> UNITS = List.of("k", "m", "g");
    private static final Map<String, Long> MULTIPLIER = Map.of("", 1L, "k", 1L << 10, "m", 1L << 20, "g", 1L << 30);

    private SizeValue() {
    }

    /** The number of bytes written in {@code token}, or empty after reporting why it is not one. */
    public static OptionalLong parse(Token token, ProblemCollector problems) {
        Optional<NumberWithUnit.Parsed> parsed = NumberWithUnit.parse(token, UNITS, true, "size",
                "k, m or g (powers of 1024, default bytes)", problems);
        if (parsed.isEmpty()) {
            return OptionalLong.empty();
        }
        BigInteger bytes = parsed.get().number().multiply(BigInteger.valueOf(MULTIPLIER.get(parsed.get().unit())));
        if (bytes.compareTo(BigInteger.valueOf(MAX)) > 0) {
            problems.error(token.location(), token.text(), "size overflow: the maximum is 4294967295 bytes (4g - 1)");
            return OptionalLong.empty();
        }
        return OptionalLong.of(bytes.longValueExact());
    }
}
