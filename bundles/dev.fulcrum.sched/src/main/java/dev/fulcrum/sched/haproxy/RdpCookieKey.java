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
        return RequestKey.hashOf(request.payloadPrefix().flatMap(this::value));
    }

    /** The cookie's value in the packet starting at the buffer's position; the buffer is not moved. */
    Optional<String> value(ByteBuffer packet) {
        int start = packet.position();
        int available = packet.limit() - start;
        if (available < HEADERS || packet.get(start) != 3 || packet.get(start + 1) != 0
                || (packet.get(start + 5) & 0xf0) != 0xe0) {
            return Optional.empty();
        }
        int declared = (packet.get(start + 2) & 0xff) << 8 | packet.get(start + 3) & 0xff; // network order
        int end = start + Math.min(available, declared);
        String line = line(packet, start + HEADERS, end);
        if (line == null || !line.regionMatches(true, 0, COOKIE, 0, COOKIE.length())) {
            return Optional.empty();
        }
        String pair = line.substring(COOKIE.length()).stripLeading();
        if (!pair.regionMatches(true, 0, name, 0, name.length()) || pair.length() <= name.length()
                || pair.charAt(name.length()) != '=') {
            return Optional.empty();
        }
        String value = pair.substring(name.length() + 1);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** The text from {@code from} up to CR LF, or null when no CR LF comes before {@code end}. */
    private static String line(ByteBuffer packet, int from, int end) {
        for (int i = from; i + 1 < end; i++) {
            if (packet.get(i) == '\r' && packet.get(i + 1) == '\n') {
                byte[] text = new byte[i - from];
                packet.slice(from, text.length).get(text);
                return new String(text, StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }
}
