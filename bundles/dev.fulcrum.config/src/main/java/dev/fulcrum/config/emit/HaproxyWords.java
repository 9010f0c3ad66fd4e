package dev.fulcrum.config.emit;

import java.time.Duration;

/**
 * Words and values as haproxy.cfg writes them: quoting (configuration.txt 2.2 "Quoting and
 * escaping") and the time format (2.5 "Time format").
 */
final class HaproxyWords {

    private HaproxyWords() {
    }

    /**
     * A word as written: bare when it has no blank, control character, {@code #}, quote or
     * backslash; otherwise in double quotes, with {@code "}, {@code \} and {@code $} escaped by a
     * backslash (2.2: "\$" only means a literal dollar inside double quotes, where "$NAME" would be
     * expanded, 2.3) and control characters written {@code \t}, {@code \n}, {@code \r} or
     * {@code \xNN}. The empty word is {@code ""}.
     */
    static String word(String value) {
        if (!value.isEmpty() && value.chars().allMatch(HaproxyWords::bare)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"':
                case '\\':
                case '$':
                    out.append('\\').append(c);
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                default:
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.append('"').toString();
    }

    private static boolean bare(int c) {
        return c > 0x20 && c != 0x7f && c != '#' && c != '\'' && c != '"' && c != '\\';
    }

    /**
     * 2.5 "Time format": an integer with the largest unit (d, h, m, s, ms, us) that represents the
     * value exactly; {@code 0} for zero.
     */
    static String time(Duration value) {
        long micros = value.toNanos() / 1_000;
        if (micros * 1_000 != value.toNanos()) {
            throw new IllegalArgumentException("haproxy.cfg times have microsecond resolution: " + value);
        }
        if (micros == 0) {
            return "0";
        }
        long[] factors = {86_400_000_000L, 3_600_000_000L, 60_000_000L, 1_000_000L, 1_000L, 1L};
        String[] units = {"d", "h", "m", "s", "ms", "us"};
        for (int i = 0; i < factors.length; i++) {
            if (micros % factors[i] == 0) {
                return (micros / factors[i]) + units[i];
            }
        }
        throw new AssertionError("unreachable: every value is a multiple of 1us");
    }

    /** An address and port: IPv6 literals in brackets (configuration.txt 11 "Address formats"). */
    static String hostPort(String host, String port) {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return port.isEmpty() ? h : h + ":" + port;
    }
}
