package dev.fulcrum.sched.common;

import java.nio.charset.StandardCharsets;

/**
 * A keyed 64-bit hash for placing servers and keys in consistent-hash tables. The kernel uses
 * siphash with random keys; a fixed seed here keeps a table the same across restarts and nodes, which
 * is what an active/backup pair of balancers needs for clients to keep their server on failover.
 */
public final class Hash64 {

    private Hash64() {
    }

    /** The 64-bit finaliser of SplitMix64 (Steele, Lea, Flood 2014): every input bit affects every output bit. */
    public static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A hash of the text's UTF-8 bytes under the given seed. */
    public static long of(String text, long seed) {
        long hash = mix(seed);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash = mix(hash ^ (b & 0xff));
        }
        return hash;
    }

    /** A hash of an address, a port and an offset under the given seed. */
    public static long of(AddressKey address, int port, int offset, long seed) {
        return mix(mix(mix(seed ^ address.high()) ^ address.low()) ^ ((long) port << 32 | (offset & 0xffffffffL)));
    }
}
