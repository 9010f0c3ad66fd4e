package dev.fulcrum.health.internal;

import java.nio.charset.StandardCharsets;

/**
 * SMTP replies (RFC 5321 section 4.2): lines "NNN-text" continue a reply, "NNN text" or "NNN"
 * ends it. Pure: call again with more bytes; the bytes of a complete reply are reported consumed.
 */
final class SmtpReplyParser {

    sealed interface Result {
    }

    record Incomplete() implements Result {
    }

    /** @param consumed how many bytes the reply took, CR LF included */
    record Reply(int code, String text, int consumed) implements Result {
    }

    record Malformed(String reason) implements Result {
    }

    /** RFC 5321 section 4.5.3.1.5: a reply line is at most 512 octets; be a little lenient. */
    static final int MAX_LINE = 1024;

    private SmtpReplyParser() {
    }

    static Result parse(byte[] data, int from, int to) {
        int at = from;
        StringBuilder text = new StringBuilder();
        while (true) {
            int end = lineEnd(data, at, to);
            if (end < 0) {
                return to - at > MAX_LINE ? new Malformed("reply line longer than " + MAX_LINE + " bytes")
                        : new Incomplete();
            }
            String line = new String(data, at, end - at, StandardCharsets.ISO_8859_1);
            if (!line.matches("[2-5]\\d\\d([ -].*)?")) {
                return new Malformed("not an SMTP reply: " + (line.length() > 60 ? line.substring(0, 60) + "..." : line));
            }
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(line.length() > 4 ? line.substring(4) : "");
            at = end + 2;
            if (line.length() == 3 || line.charAt(3) == ' ') {
                return new Reply(Integer.parseInt(line.substring(0, 3)), text.toString(), at - from);
            }
        }
    }

    private static int lineEnd(byte[] data, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if (data[i] == '\r' && data[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
