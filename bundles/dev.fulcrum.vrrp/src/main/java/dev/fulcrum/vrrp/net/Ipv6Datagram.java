package dev.fulcrum.vrrp.net;

import dev.fulcrum.vrrp.packet.IpEnvelope;
import java.net.Inet6Address;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * What a raw IPv6 socket hands over: the payload only (raw(7) never passes the IPv6 header), the
 * source from recvmsg's msg_name, and the destination, interface and hop limit from the control
 * messages IPV6_PKTINFO and IPV6_HOPLIMIT (RFC 3542 sections 6.1 and 6.3) that the receive checks
 * of RFC 5798 section 7.1 need.
 *
 * @param interfaceIndex the interface the datagram arrived on (in6_pktinfo.ipi6_ifindex)
 */
public record Ipv6Datagram(IpEnvelope envelope, byte[] payload, int interfaceIndex) implements ReceivedDatagram {

    /** struct cmsghdr on LP64 Linux: size_t cmsg_len, int cmsg_level, int cmsg_type; data 8-byte aligned. */
    static final int CMSG_HEADER = 16;
    private static final int ALIGN = 8;
    private static final int IN6_ADDRESS = 16;

    /**
     * The datagram from {@code source} (16 bytes) with the control messages in the first
     * {@code controlLength} bytes of {@code control}; empty when IPV6_PKTINFO or IPV6_HOPLIMIT is
     * missing or truncated (the socket asks for both, so the kernel always sends them).
     */
    public static Optional<Ipv6Datagram> parse(byte[] source, byte[] control, int controlLength, byte[] payload) {
        ByteBuffer buffer = ByteBuffer.wrap(control, 0, controlLength).order(ByteOrder.nativeOrder());
        byte[] destination = null;
        int interfaceIndex = -1;
        int hopLimit = -1;
        int offset = 0;
        while (offset + CMSG_HEADER <= controlLength) {
            long length = buffer.getLong(offset);
            int level = buffer.getInt(offset + 8);
            int type = buffer.getInt(offset + 12);
            if (length < CMSG_HEADER || offset + length > controlLength) {
                return Optional.empty();
            }
            int data = offset + CMSG_HEADER;
            int dataLength = (int) length - CMSG_HEADER;
            if (level == VrrpLibC.IPPROTO_IPV6 && type == VrrpLibC.IPV6_PKTINFO && dataLength >= IN6_ADDRESS + 4) {
                destination = new byte[IN6_ADDRESS];
                buffer.get(data, destination);
                interfaceIndex = buffer.getInt(data + IN6_ADDRESS);
            } else if (level == VrrpLibC.IPPROTO_IPV6 && type == VrrpLibC.IPV6_HOPLIMIT && dataLength >= 4) {
                hopLimit = buffer.getInt(data);
            }
            offset += (int) ((length + ALIGN - 1) / ALIGN * ALIGN);
        }
        if (destination == null || hopLimit < 0 || hopLimit > 255 || source.length != IN6_ADDRESS) {
            return Optional.empty();
        }
        IpEnvelope envelope = new IpEnvelope(address(source), address(destination), hopLimit);
        return Optional.of(new Ipv6Datagram(envelope, payload, interfaceIndex));
    }

    /** Always an {@link Inet6Address}, without scope: also an IPv4-mapped one, which InetAddress would turn into IPv4. */
    static Inet6Address address(byte[] bytes) {
        try {
            return Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new AssertionError("16 bytes are always an IPv6 address", e);
        }
    }
}
