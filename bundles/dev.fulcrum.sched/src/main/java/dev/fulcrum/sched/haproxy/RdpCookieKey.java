package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.RequestContext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * configuration.txt 4.2 "balance rdp-cookie(NAME)" and 7.3.5 {@code req.rdp_cookie}: the routing token an
 * RDP client sends in its first packet. That packet is a TPKT header (RFC 1006 section 6: version 3,
 * reserved 0, 16-bit length), an X.224 Connection Request TPDU (ITU-T X.224 13.3: length indicator, code
 * 0xE_, destination and source references, class: 7 bytes) and then the line
 * {@code Cookie: NAME=VALUE\r\n} (MS-RDPBCGR 2.2.1.1, "routingToken"/"cookie"). As in HAProxy, "Cookie:"
 * and the name compare ignoring ASCII case (strncasecmp), the value runs to the first CR, which a LF must
 * follow; spaces or tabs may separate "Cookie:" from the name. Anything else (not RDP, another cookie, a
 * line not complete within the prefix or the length the TPKT header declares, an empty value) gives no
 * key: round robin.
 *
 * <p>This runs for every connection of a {@code mode tcp} RDP farm, so it reads the packet in place, eight
 * bytes at a time ({@link PacketWords}), and allocates nothing.
 */
final class RdpCookieKey implements RequestKey {

    /** TPKT (4 bytes) and the fixed part of the X.224 Connection Request (7 bytes). */
    private static final int HEADERS = 11;
    /** RFC 1006 section 6: "vrsn 8 bits: This field is always 3 for the version of the protocol described here." */
    private static final int TPKT_VERSION = 3;
    /** ITU-T X.224 13.3.1: the CR TPDU code 1110 in the high nibble, the low one is CDT (credit). */
    private static final int CONNECTION_REQUEST = 0xe0;
    private static final CaselessToken COOKIE = new CaselessToken("Cookie:");
    /** What must follow the name and its '=': at least one byte of value, then CR LF. */
    private static final int VALUE_AND_LINE_END = 3;

    /** The cookie name and its '='. */
    private final CaselessToken nameAndEquals;

    RdpCookieKey(String name) {
        this.nameAndEquals = new CaselessToken(name + "=");
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
        int end = end(packet, start);
        int at = start + HEADERS;
        if (!COOKIE.isAt(packet, at, end)) {
            return Span.NONE;
        }
        at += COOKIE.length();
        while (at < end && (packet.get(at) == ' ' || packet.get(at) == '\t')) {
            at++;
        }
        if (end - at < nameAndEquals.length() + VALUE_AND_LINE_END || !nameAndEquals.isAt(packet, at, end)) {
            return Span.NONE;
        }
        int from = at + nameAndEquals.length();
        int cr = indexOfCr(packet, from, end);
        return cr <= from || cr + 1 >= end || packet.get(cr + 1) != '\n' ? Span.NONE : Span.of(from, cr);
    }

    /**
     * Where the connection request ends (absolute): its TPKT length, cut to the bytes received; {@code start}
     * itself when the headers are not a TPKT version 3 carrying an X.224 Connection Request.
     */
    private static int end(ByteBuffer packet, int start) {
        int available = packet.limit() - start;
        if (available < HEADERS) {
            return start;
        }
        // version, reserved, length (network order), X.224 length indicator, code, ...
        long tpkt = PacketWords.word(packet, start, packet.limit());
        if (PacketWords.byteAt(tpkt, 0) != TPKT_VERSION || PacketWords.byteAt(tpkt, 1) != 0
                || (PacketWords.byteAt(tpkt, 5) & 0xf0) != CONNECTION_REQUEST) {
            return start;
        }
        int declared = PacketWords.byteAt(tpkt, 2) << 8 | PacketWords.byteAt(tpkt, 3);
        return start + Math.min(available, declared);
    }

    /** The index of the first CR in [from, end), or -1. */
    private static int indexOfCr(ByteBuffer packet, int from, int end) {
        for (int at = from; at < end; at += Long.BYTES) {
            int index = PacketWords.indexOf(PacketWords.word(packet, at, end), '\r');
            if (index < Long.BYTES) {
                return at + index;
            }
        }
        return -1;
    }
}
