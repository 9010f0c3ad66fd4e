package dev.fulcrum.config.emit;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Duration;

/** Words and values as keepalived.conf writes them (keepalived.conf(5), keepalived 2.x lib/parser.c). */
final class KeepalivedWords {

    private KeepalivedWords() {
    }

    /**
     * A word as written: bare when it has no blank and none of {@code # ! " { }} (comment starters
     * and block braces, keepalived.conf(5) DESCRIPTION) and does not start with {@code @}, {@code $}
     * or {@code ~} (preprocessor lines); otherwise in double quotes, which keep blanks, comment
     * characters and braces (parser.c alloc_strvec_r()). keepalived has no escape inside quotes, so a
     * value with a double quote cannot be written at all.
     *
     * @throws IllegalArgumentException for a value with a double quote, a line break or nothing
     */
    static String word(String value) {
        if (value.isEmpty() || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("keepalived.conf cannot write the value [" + value + "]: it is empty"
                    + " or has a double quote or a line break");
        }
        boolean bare = value.chars().noneMatch(c -> Character.isWhitespace(c) || "#!\"{}".indexOf(c) >= 0)
                && "@$~".indexOf(value.charAt(0)) < 0;
        return bare ? value : "\"" + value + "\"";
    }

    /**
     * Seconds as keepalived reads them: an integer or a decimal with up to 6 fraction digits, without
     * trailing zeros ({@code 5}, {@code 0.5}, {@code 1.000001}).
     */
    static String seconds(Duration value) {
        BigDecimal seconds = BigDecimal.valueOf(value.toNanos()).movePointLeft(9).stripTrailingZeros();
        if (seconds.scale() > 6) {
            throw new IllegalArgumentException("keepalived.conf times have microsecond resolution: " + value);
        }
        return seconds.scale() <= 0 ? seconds.toBigInteger().toString() : seconds.toPlainString();
    }

    static String address(InetAddress address) {
        return address.getHostAddress();
    }
}
