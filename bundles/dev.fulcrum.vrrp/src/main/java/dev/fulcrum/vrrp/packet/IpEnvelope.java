package dev.fulcrum.vrrp.packet;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * The IP header fields that come with a VRRP payload from a raw socket (IP_PKTINFO / IPV6_PKTINFO,
 * IP_RECVTTL / IPV6_HOPLIMIT), or that the sender puts on one. They enter the VRRPv3 checksum
 * (RFC 5798 section 5.2.8) and the receive checks of RFC 5798 section 7.1.
 *
 * @param ttl the IPv4 TTL or the IPv6 hop limit, 0..255
 */
public record IpEnvelope(InetAddress source, InetAddress destination, int ttl) {

    /** RFC 5798 section 5.1.1.3 / 5.1.2.3: adverts are sent with TTL / hop limit 255. */
    public static final int VRRP_TTL = 255;

    public IpEnvelope {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        if (source.getClass() != destination.getClass()) {
            throw new IllegalArgumentException("source and destination must be of one address family: " + source
                    + ", " + destination);
        }
        if (ttl < 0 || ttl > 255) {
            throw new IllegalArgumentException("ttl must be 0..255: " + ttl);
        }
    }

    public boolean isIpv4() {
        return source instanceof Inet4Address;
    }
}
