package dev.fulcrum.sched.haproxy;

import java.nio.ByteBuffer;

/**
 * The hash of a key: 64-bit FNV-1a over the key, then a full-avalanche finalizer (the mixing step of
 * MurmurHash3) so that neighbouring keys (addresses of one subnet, /img/1 and /img/2) spread over the
 * whole range, which both "mod total weight" and the ring need (configuration.txt 4.2 "hash-type",
 * modifier "avalanche", gives the reason for the mixing step).
 */
final class Hashing {

    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    /**
     * Two FNV-1a steps over a char whose high byte is 0: xor with 0 changes nothing, so the second step is
     * a second multiplication, and the two fold into one by the prime's square (mod 2^64).
     */
    private static final long FNV_PRIME_SQUARED = FNV_PRIME * FNV_PRIME;

    private Hashing() {
    }

    static long of(byte[] key) {
        long hash = FNV_OFFSET_BASIS;
        for (byte b : key) {
            hash = (hash ^ (b & 0xff)) * FNV_PRIME;
        }
        return mix(hash);
    }

    /** Over the UTF-16 code units of the key. */
    static long of(CharSequence key) {
        return of(key, 0, key.length());
    }

    /** Over the UTF-16 code units of key[from, to): the hash of that substring, without creating it. */
    static long of(CharSequence key, int from, int to) {
        long hash = FNV_OFFSET_BASIS;
        for (int i = from; i < to; i++) {
            char c = key.charAt(i);
            hash = (hash ^ (c & 0xff)) * FNV_PRIME;
            hash = (hash ^ (c >>> 8)) * FNV_PRIME;
        }
        return mix(hash);
    }

    /**
     * Over bytes[from, to) read as ISO-8859-1 text: the same hash as {@link #of(CharSequence)} of the
     * decoded text (each char is the byte, its high half 0), without decoding it.
     */
    static long ofLatin1(ByteBuffer bytes, int from, int to) {
        long hash = FNV_OFFSET_BASIS;
        for (int at = from; at < to; at += Long.BYTES) {
            long word = PacketWords.word(bytes, at, to);
            for (int i = 0, count = Math.min(Long.BYTES, to - at); i < count; i++) {
                hash = (hash ^ PacketWords.byteAt(word, i)) * FNV_PRIME_SQUARED; // the char's high byte is 0
            }
        }
        return mix(hash);
    }

    /** The finalizer of MurmurHash3's 64-bit variant: every input bit flips each output bit with probability 1/2. */
    static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
