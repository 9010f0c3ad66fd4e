package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.RequestContext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * configuration.txt 4.2 "balance rdp-cookie(NAME)": the routing token an RDP client sends in its first
 * packet. That packet is a TPKT header (RFC 1006 section 6: version 3, reserved 0, 16-bit length), an
 * X.224 Connection Request TPDU (ITU-T X.224 13.3: length indicator, code 0xE_, destination and source
 * references, class: 7 bytes) and then the line {@code Cookie: NAME=VALUE\r\n} (MS-RDPBCGR 2.2.1.1,
 * "routingToken"/"cookie"). Names and "Cookie:" compare case-insensitively, as for HAProxy's
 * {@code req.rdp_cookie}. Anything else (not RDP, another cookie, a line not complete in the prefix)
 * gives no key: round robin.
 */
final class RdpCookieKey implements RequestKey {

    /** TPKT (4 bytes) and the fixed part of the X.224 Connection Request (7 bytes). */
    private static final int HEADERS = 11;
    private static final String COOKIE = "Cookie:";

    private final String name;

    RdpCookieKey(String name) {
        this.name = name;
    }

    @Override
    public OptionalLong hash(RequestContext request) {
        Optional<ByteBuffer> prefix = request.payloadPrefix();
        if (prefix.isEmpty()) {
            return OptionalLong.empty();
        }
        ByteBuffer packet = prefix.get();
        long span = valueSpan(packet);
        return span == Span.NONE ? OptionalLong.empty()
                : OptionalLong.of(Hashing.ofLatin1(packet, Span.from(span), Span.to(span)));
    }

    /** The cookie's value in the packet starting at the buffer's position; the buffer is not moved. */
    Optional<String> value(ByteBuffer packet) {
        long span = valueSpan(packet);
        if (span == Span.NONE) {
            return Optional.empty();
        }
        byte[] text = new byte[Span.to(span) - Span.from(span)];
        packet.get(Span.from(span), text);
        return Optional.of(new String(text, StandardCharsets.ISO_8859_1));
    }

    /** Where the cookie's value lies in the packet (absolute indexes), or {@link Span#NONE}. */
    private long valueSpan(ByteBuffer packet) {
        int start = packet.position();
        int available = packet.limit() - start;
        if (available < HEADERS || packet.get(start) != 3 || packet.get(start + 1) != 0
                || (packet.get(start + 5) & 0xf0) != 0xe0) {
            return Span.NONE;
        }
        int declared = (packet.get(start + 2) & 0xff) << 8 | packet.get(start + 3) & 0xff; // network order
        int from = start + HEADERS;
        int lineEnd = lineEnd(packet, from, start + Math.min(available, declared));
        if (lineEnd < 0 || !startsWithIgnoreCase(packet, from, lineEnd, COOKIE)) {
            return Span.NONE;
        }
        int at = from + COOKIE.length();
        while (at < lineEnd && Character.isWhitespace((char) (packet.get(at) & 0xff))) {
            at++;
        }
        int equals = at + name.length();
        if (!startsWithIgnoreCase(packet, at, lineEnd, name) || equals >= lineEnd || packet.get(equals) != '=') {
            return Span.NONE;
        }
        return equals + 1 == lineEnd ? Span.NONE : Span.of(equals + 1, lineEnd);
    }

    /** The index of the first CR of a CR LF in [from, end), or -1 when there is none. */
    private static int lineEnd(ByteBuffer packet, int from, int end) {
        for (int i = from; i + 1 < end; i++) {
            if (packet.get(i) == '\r' && packet.get(i + 1) == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Whether the ISO-8859-1 text at [at, end) starts with the given text, ignoring case as String does. */
    private static boolean startsWithIgnoreCase(ByteBuffer packet, int at, int end, String text) {
        if (end - at < text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char actual = (char) (packet.get(at + i) & 0xff);
            char expected = text.charAt(i);
            if (actual != expected && Character.toUpperCase(actual) != Character.toUpperCase(expected)
                    && Character.toLowerCase(actual) != Character.toLowerCase(expected)) {
                return false;
            }
        }
        return true;
    }
}
