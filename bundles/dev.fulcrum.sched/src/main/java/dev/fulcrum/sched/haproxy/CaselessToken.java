package dev.fulcrum.sched.haproxy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A token a packet must carry at a known place, ASCII letters in either case and every other byte
 * exactly: C's strncasecmp in the C locale, which HAProxy's {@code req.rdp_cookie} uses for "Cookie:" and
 * the cookie name. Compared eight bytes at a time: a letter's two cases differ only in bit 0x20, so
 * setting that bit in the packet's letter positions and comparing with the lower-case token is exact
 * (only 'C' and 'c' give 'c' that way; non-letter positions are compared unchanged).
 */
final class CaselessToken {

    private static final int CASE_BIT = 0x20;

    private final int length;
    /** Per word of eight bytes: the token in lower case, the case bit at its letters, the bytes it covers. */
    private final long[] lower;
    private final long[] caseBits;
    private final long[] covered;

    /** The token's UTF-8 bytes (those of the configuration file, which is what HAProxy compares). */
    CaselessToken(String token) {
        byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
        this.length = bytes.length;
        int words = (bytes.length + Long.BYTES - 1) / Long.BYTES;
        this.lower = new long[words];
        this.caseBits = new long[words];
        this.covered = new long[words];
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean letter = b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z';
            int shift = Long.SIZE - Byte.SIZE * (i % Long.BYTES + 1);
            lower[i / Long.BYTES] |= (long) (letter ? b | CASE_BIT : b) << shift;
            caseBits[i / Long.BYTES] |= (long) (letter ? CASE_BIT : 0) << shift;
            covered[i / Long.BYTES] |= 0xffL << shift;
        }
    }

    int length() {
        return length;
    }

    /** Whether the packet carries the token at {@code at} (absolute), wholly before {@code end}. */
    boolean isAt(ByteBuffer packet, int at, int end) {
        if (end - at < length) {
            return false;
        }
        for (int i = 0; i < lower.length; i++) {
            long word = PacketWords.word(packet, at + i * Long.BYTES, end);
            if (((word | caseBits[i]) & covered[i]) != lower[i]) {
                return false;
            }
        }
        return true;
    }
}
