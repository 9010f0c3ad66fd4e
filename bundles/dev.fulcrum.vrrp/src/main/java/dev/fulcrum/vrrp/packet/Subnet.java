package dev.fulcrum.vrrp.packet;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.Objects;

/** An address with a prefix length, as an interface carries it ({@code ip address show}): 192.0.2.1/24. */
public record Subnet(InetAddress address, int prefixLength) {

    public Subnet {
        Objects.requireNonNull(address, "address");
        int bits = address.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefixLength must be 0.." + bits + ": " + prefixLength);
        }
    }

    /** Whether {@code other} (of the same family) shares the first {@code prefixLength} bits. */
    public boolean contains(InetAddress other) {
        byte[] mine = address.getAddress();
        byte[] theirs = other.getAddress();
        if (mine.length != theirs.length) {
            return false;
        }
        int hostBits = mine.length * 8 - prefixLength;
        return new BigInteger(1, mine).shiftRight(hostBits).equals(new BigInteger(1, theirs).shiftRight(hostBits));
    }

    @Override
    public String toString() {
        return address.getHostAddress() + "/" + prefixLength;
    }
}
