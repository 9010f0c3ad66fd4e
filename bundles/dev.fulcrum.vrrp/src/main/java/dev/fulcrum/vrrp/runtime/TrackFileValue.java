package dev.fulcrum.vrrp.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * The value of a keepalived.conf(5) track_file, read as keepalived 2.2.7 reads it (vrrp_track.c,
 * process_track_file, checked against keepalived itself): at most the first 127 bytes, parsed as
 * strtol(3) with base 0 does (leading white space, a sign, "0x" hexadecimal, a leading "0" octal,
 * anything after the digits ignored); no digits, an empty file, and a file that is missing or cannot
 * be read all count as 0; a number outside the int range is ignored (the previous value stays). Pure
 * apart from {@link #read}.
 */
final class TrackFileValue {

    /** keepalived reads into a 128-byte buffer, keeping one byte for the terminating NUL. */
    static final int MAX_BYTES = 127;

    private TrackFileValue() {
    }

    /** The value in {@code file}: 0 when it cannot be read; empty when the number is out of range. */
    static OptionalInt read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in.readNBytes(MAX_BYTES));
        } catch (IOException | SecurityException e) {
            return OptionalInt.of(0);
        }
    }

    /** strtol(content, NULL, 0) limited to int; empty when out of range. */
    static OptionalInt parse(byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        int i = 0;
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int radix = 10;
        if (text.startsWith("0x", i) || text.startsWith("0X", i)) {
            if (i + 2 < text.length() && Character.digit(text.charAt(i + 2), 16) >= 0) {
                radix = 16;
                i += 2;
            }
        } else if (text.startsWith("0", i)) {
            radix = 8;
        }
        long value = 0;
        for (; i < text.length() && Character.digit(text.charAt(i), radix) >= 0; i++) {
            value = value * radix + Character.digit(text.charAt(i), radix);
            if (value > (long) Integer.MAX_VALUE + 1) {
                return OptionalInt.empty(); // keepalived: "Invalid number ... - ignoring"
            }
        }
        long signed = negative ? -value : value;
        return signed < Integer.MIN_VALUE || signed > Integer.MAX_VALUE ? OptionalInt.empty()
                : OptionalInt.of((int) signed);
    }

    /** isspace(3) in the C locale. */
    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}
