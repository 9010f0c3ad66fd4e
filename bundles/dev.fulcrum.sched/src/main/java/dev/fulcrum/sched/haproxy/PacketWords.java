package dev.fulcrum.sched.haproxy;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads a packet eight bytes at a time, so that a key's parser compares and searches words in registers
 * instead of calling {@link ByteBuffer#get(int)} for every byte (each call checks the index against the
 * buffer's limit; at one call per byte that was most of rdp-cookie's pick). Words are big-endian whatever
 * the buffer's own order: the packet's first byte is the word's most significant one.
 */
final class PacketWords {

    private static final VarHandle BIG_ENDIAN_LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long LOW_SEVEN_BITS = 0x7f7f7f7f7f7f7f7fL;
    private static final long ONES = 0x0101010101010101L;

    private PacketWords() {
    }

    /**
     * The bytes at [at, at + 8) of the buffer (absolute indexes), the first one most significant; bytes at
     * or after {@code end} (or the buffer's limit) read as 0. One read of eight bytes whenever the buffer
     * holds eight (near its limit, the eight that end there, shifted).
     */
    static long word(ByteBuffer packet, int at, int end) {
        int limit = packet.limit();
        int valid = Math.min(end, limit) - at;
        if (valid <= 0) {
            return 0;
        }
        long word;
        if (at + Long.BYTES <= limit) {
            word = (long) BIG_ENDIAN_LONGS.get(packet, at);
        } else if (limit >= Long.BYTES) {
            word = (long) BIG_ENDIAN_LONGS.get(packet, limit - Long.BYTES) << (Byte.SIZE * (at + Long.BYTES - limit));
        } else {
            word = 0;
            for (int i = 0; i < valid; i++) {
                word |= (packet.get(at + i) & 0xffL) << (Long.SIZE - Byte.SIZE * (i + 1));
            }
        }
        return valid >= Long.BYTES ? word : word & ~(-1L >>> (Byte.SIZE * valid));
    }

    /** The byte at {@code index} (0: the first in the packet) of a {@link #word}. */
    static int byteAt(long word, int index) {
        return (int) (word >>> (Long.SIZE - Byte.SIZE * (index + 1))) & 0xff;
    }

    /**
     * The index (0 to 7) of the first byte of the word that equals {@code value}, or 8 when none does;
     * {@code value} is not 0 (the bytes a {@link #word} pads with).
     * Each byte is tested on its own (no borrow or carry crosses bytes), so bytes after a match cannot
     * make a false one before it.
     */
    static int indexOf(long word, int value) {
        long difference = word ^ (ONES * value); // 0 in the bytes that equal value
        long nonZero = ((difference & LOW_SEVEN_BITS) + LOW_SEVEN_BITS | difference) & ~LOW_SEVEN_BITS;
        long zero = ~nonZero & ~LOW_SEVEN_BITS;
        return Long.numberOfLeadingZeros(zero) >>> 3;
    }
}
