package dev.fulcrum.vrrp.net;

import dev.fulcrum.vrrp.packet.IpEnvelope;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a raw IPv4 socket hands over: the IP header (RFC 791 section 3.1) followed by the payload.
 * The header gives the receive checks their source, destination and TTL (RFC 5798 section 7.1).
 */
public record Ipv4Datagram(IpEnvelope envelope, byte[] payload) implements ReceivedDatagram {

    private static final int MIN_HEADER = 20;

    /** The datagram in the first {@code length} bytes of {@code buffer}; empty when it is not a whole IPv4 packet. */
    public static Optional<Ipv4Datagram> parse(byte[] buffer, int length) {
        if (length < MIN_HEADER || (buffer[0] & 0xf0) != 0x40) {
            return Optional.empty();
        }
        int headerLength = (buffer[0] & 0x0f) * 4;
        if (headerLength < MIN_HEADER || headerLength > length) {
            return Optional.empty();
        }
        try {
            InetAddress source = InetAddress.getByAddress(Arrays.copyOfRange(buffer, 12, 16));
            InetAddress destination = InetAddress.getByAddress(Arrays.copyOfRange(buffer, 16, 20));
            int ttl = buffer[8] & 0xff;
            return Optional.of(new Ipv4Datagram(new IpEnvelope(source, destination, ttl),
                    Arrays.copyOfRange(buffer, headerLength, length)));
        } catch (UnknownHostException e) {
            throw new AssertionError("four bytes are always an IPv4 address", e);
        }
    }
}
