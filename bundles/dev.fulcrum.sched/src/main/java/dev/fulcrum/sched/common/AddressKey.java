package dev.fulcrum.sched.common;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * An IP address as two longs, a map key without holding the {@link InetAddress}. IPv4 takes the
 * IPv4-mapped IPv6 form ({@code ::ffff:a.b.c.d}, RFC 4291 section 2.5.5.2).
 */
public record AddressKey(long high, long low) {

    private static final long V4_MAPPED = 0xffffL << 32;

    public static AddressKey of(InetAddress address) {
        if (address instanceof Inet4Address) {
            // Inet4Address.hashCode() is the address itself (so since JDK 1.0); it spares the array copy
            // getAddress() makes on every pick. AddressKeyTest holds the JDK to it.
            return new AddressKey(0, V4_MAPPED | (address.hashCode() & 0xffffffffL));
        }
        return of(address.getAddress());
    }

    /**
     * The address with a netmask applied (keepalived.conf(5) {@code persistence_granularity}, ipvsadm
     * {@code -M}). A mask of the other family than the address cannot apply and leaves it whole.
     */
    public static AddressKey masked(InetAddress address, Optional<InetAddress> netmask) {
        byte[] bytes = address.getAddress();
        if (netmask.isPresent()) {
            byte[] mask = netmask.get().getAddress();
            if (mask.length == bytes.length) {
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] &= mask[i];
                }
            }
        }
        return of(bytes);
    }

    private static AddressKey of(byte[] bytes) {
        if (bytes.length == 4) {
            return new AddressKey(0, V4_MAPPED | (word(bytes, 0) & 0xffffffffL));
        }
        return new AddressKey(((long) word(bytes, 0) << 32) | (word(bytes, 4) & 0xffffffffL),
                ((long) word(bytes, 8) << 32) | (word(bytes, 12) & 0xffffffffL));
    }

    /**
     * The kernel's 32-bit address fold for hashing (ip_vs_sh.c / ip_vs_dh.c {@code addr_fold}): the IPv4
     * address in host order, or the XOR of the four words of an IPv6 address.
     */
    public int fold() {
        if (high == 0 && (low >>> 32) == 0xffffL) {
            return (int) low;
        }
        return (int) (high >>> 32) ^ (int) high ^ (int) (low >>> 32) ^ (int) low;
    }

    private static int word(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) << 24 | (bytes[offset + 1] & 0xff) << 16 | (bytes[offset + 2] & 0xff) << 8
                | (bytes[offset + 3] & 0xff);
    }
}
