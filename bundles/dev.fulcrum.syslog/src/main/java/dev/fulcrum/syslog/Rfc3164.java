package dev.fulcrum.syslog;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The BSD syslog framing HAProxy 2.6 sends by default (configuration.txt 3.1 "log ... format
 * rfc3164"): {@code <PRI>Mmm dd hh:mm:ss [hostname ]tag[pid]: message\n}. PRI is facility × 8 +
 * severity (RFC 3164 section 4.1.1), the timestamp is local time with the day of month padded with
 * a space (section 4.1.2), the hostname only appears with {@code log-send-hostname}. HAProxy ends
 * every datagram with a line feed; a line longer than the target's {@code len} (default 1024) is
 * cut to {@code len} bytes and the line feed follows (haproxy 2.6.12 with {@code len 120} sent 121
 * bytes; HaproxyFramingSystemTest compares the cut).
 */
public final class Rfc3164 {

    /** configuration.txt 3.1 "log ... len": "the default value is 1024". */
    public static final int DEFAULT_MAX_LENGTH = 1024;

    /** "Mmm dd hh:mm:ss", day of month space-padded to two characters. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ENGLISH);

    private Rfc3164() {
    }

    /** PRI as RFC 3164 section 4.1.1 computes it. */
    public static int priority(Facility facility, Severity severity) {
        return facility.code() * 8 + severity.code();
    }

    /**
     * One datagram.
     *
     * @param time      the local wall-clock time of the event
     * @param hostname  present only with {@code log-send-hostname}
     * @param maxLength the target's {@code len}: the line, without its line feed, never exceeds it
     */
    public static byte[] frame(Facility facility, Severity severity, LocalDateTime time, Optional<String> hostname,
            String tag, long pid, String message, int maxLength) {
        checkTag(tag);
        StringBuilder header = new StringBuilder(64).append('<').append(priority(facility, severity)).append('>')
                .append(TIMESTAMP.format(time)).append(' ');
        hostname.ifPresent(h -> header.append(h).append(' '));
        header.append(tag).append('[').append(pid).append("]: ");
        byte[] head = header.toString().getBytes(StandardCharsets.UTF_8);
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        int bodyLength = Math.max(0, Math.min(body.length, maxLength - head.length));
        bodyLength = utf8Boundary(body, bodyLength);
        int headLength = Math.min(head.length, maxLength);
        byte[] datagram = new byte[headLength + bodyLength + 1];
        System.arraycopy(head, 0, datagram, 0, headLength);
        System.arraycopy(body, 0, datagram, headLength, bodyLength);
        datagram[datagram.length - 1] = '\n';
        return datagram;
    }

    /**
     * The tag ends at "[" and a receiver splits fields at spaces (RFC 3164 section 4.1.3: the TAG is
     * alphanumeric), so a tag with either would make the line unparseable.
     */
    private static void checkTag(String tag) {
        if (tag.isEmpty() || tag.chars().anyMatch(c -> c <= ' ' || c == '[' || c == ']' || c == ':' || c >= 0x7f)) {
            throw new IllegalArgumentException("log-tag '" + tag
                    + "' must be non-empty printable ASCII without spaces, brackets or colons");
        }
    }

    /** Moves a cut back so that it never splits a UTF-8 sequence (continuation bytes are 10xxxxxx). */
    private static int utf8Boundary(byte[] bytes, int cut) {
        int at = cut;
        while (at > 0 && at < bytes.length && (bytes[at] & 0xC0) == 0x80) {
            at--;
        }
        return at;
    }
}
