package dev.fulcrum.vrrp.packet;

import java.net.Inet6Address;
import java.nio.ByteBuffer;

/**
 * The VRRP checksum: the 16-bit one's complement of the one's complement sum (RFC 1071).
 * VRRPv2 sums the VRRP message only (RFC 3768 section 5.3.8). VRRPv3 prepends a pseudo-header
 * (RFC 5798 section 5.2.8): for IPv6 the one of RFC 8200 section 8.1, for IPv4 source, destination,
 * a zero byte, protocol 112 and the 16-bit length, as keepalived and RFC 5798 implementations do.
 * keepalived.conf(5) {@code v3_checksum_as_v2} leaves the IPv4 pseudo-header out (as RFC 9568
 * section 5.2.8 reads, "only includes the VRRP message"); IPv6 always has it.
 */
public final class Checksums {

    /** IANA protocol number of VRRP (RFC 5798 section 5.1.1.4). */
    public static final int PROTOCOL_VRRP = 112;
    /** Offset of the checksum field in the VRRP header. */
    public static final int OFFSET = 6;

    private Checksums() {
    }

    /**
     * The checksum to put into (or expect in) bytes 6..7 of {@code message}; the checksum field
     * itself counts as zero.
     */
    public static int compute(int version, IpEnvelope envelope, byte[] message, boolean v3ChecksumAsV2) {
        long sum = 0;
        boolean pseudoHeader = version == 3 && !(envelope.isIpv4() && v3ChecksumAsV2);
        if (pseudoHeader) {
            sum = sum(pseudoHeader(envelope, message.length), -1);
        }
        return fold(sum + sum(message, OFFSET));
    }

    /**
     * The checksum of an upper-layer {@code message} of protocol {@code nextHeader} over IPv6 (RFC 8200
     * section 8.1, e.g. ICMPv6 of RFC 4443 section 2.3); the 16-bit word at {@code checksumOffset} counts as zero.
     */
    public static int ipv6(Inet6Address source, Inet6Address destination, int nextHeader, byte[] message,
            int checksumOffset) {
        return fold(sum(ipv6PseudoHeader(source.getAddress(), destination.getAddress(), message.length, nextHeader),
                -1) + sum(message, checksumOffset));
    }

    private static int fold(long sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }

    private static byte[] pseudoHeader(IpEnvelope envelope, int length) {
        byte[] source = envelope.source().getAddress();
        byte[] destination = envelope.destination().getAddress();
        if (envelope.isIpv4()) {
            return ByteBuffer.allocate(12).put(source).put(destination).put((byte) 0).put((byte) PROTOCOL_VRRP)
                    .putShort((short) length).array();
        }
        return ipv6PseudoHeader(source, destination, length, PROTOCOL_VRRP);
    }

    /** RFC 8200 section 8.1: source, destination, 32-bit upper-layer length, 3 zero bytes, next header. */
    private static byte[] ipv6PseudoHeader(byte[] source, byte[] destination, int length, int nextHeader) {
        return ByteBuffer.allocate(40).put(source).put(destination).putInt(length).put(new byte[3])
                .put((byte) nextHeader).array();
    }

    /** Sum of big-endian 16-bit words; the word at {@code skip} (if not -1) counts as zero. */
    private static long sum(byte[] bytes, int skip) {
        long sum = 0;
        for (int i = 0; i < bytes.length; i += 2) {
            if (i == skip) {
                continue;
            }
            int high = bytes[i] & 0xff;
            int low = i + 1 < bytes.length ? bytes[i + 1] & 0xff : 0;
            sum += (high << 8) | low;
        }
        return sum;
    }
}
