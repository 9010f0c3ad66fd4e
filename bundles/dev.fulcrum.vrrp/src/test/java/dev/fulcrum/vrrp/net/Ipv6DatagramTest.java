package dev.fulcrum.vrrp.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** recvmsg's control messages (RFC 3542 sections 6.1, 6.3) as the kernel lays them out on LP64 Linux. */
class Ipv6DatagramTest {

    private static final byte[] PAYLOAD = {0x31, 7, 1, 0};

    @Test
    void pktinfoAndHopLimitGiveDestinationInterfaceAndHopLimit() throws Exception {
        ByteBuffer control = control();
        pktinfo(control, "ff02::12", 4);
        hopLimit(control, 255);
        Ipv6Datagram datagram = Ipv6Datagram.parse(address("fe80::1"), control.array(), control.position(), PAYLOAD)
                .orElseThrow();
        assertEquals(InetAddress.getByName("fe80::1"), datagram.envelope().source());
        assertEquals(InetAddress.getByName("ff02::12"), datagram.envelope().destination());
        assertEquals(255, datagram.envelope().ttl());
        assertEquals(4, datagram.interfaceIndex());
        assertArrayEquals(PAYLOAD, datagram.payload());
    }

    @Test
    void orderDoesNotMatterAndAnIpv4MappedSourceStaysIpv6() throws Exception {
        ByteBuffer control = control();
        hopLimit(control, 1);
        pktinfo(control, "2001:db8::2", 9);
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = (byte) 192;
        Ipv6Datagram datagram = Ipv6Datagram.parse(mapped, control.array(), control.position(), PAYLOAD).orElseThrow();
        assertInstanceOf(Inet6Address.class, datagram.envelope().source());
        assertEquals(1, datagram.envelope().ttl());
        assertEquals(9, datagram.interfaceIndex());
    }

    @Test
    void missingOrTruncatedControlMessagesGiveNothing() throws Exception {
        ByteBuffer onlyHops = control();
        hopLimit(onlyHops, 255);
        assertTrue(Ipv6Datagram.parse(address("fe80::1"), onlyHops.array(), onlyHops.position(), PAYLOAD).isEmpty());
        ByteBuffer onlyInfo = control();
        pktinfo(onlyInfo, "ff02::12", 4);
        assertTrue(Ipv6Datagram.parse(address("fe80::1"), onlyInfo.array(), onlyInfo.position(), PAYLOAD).isEmpty());
        ByteBuffer both = control();
        pktinfo(both, "ff02::12", 4);
        hopLimit(both, 255);
        assertTrue(Ipv6Datagram.parse(address("fe80::1"), both.array(), both.position() - 8, PAYLOAD).isEmpty());
        ByteBuffer lying = control();
        lying.putLong(4096).putInt(VrrpLibC.IPPROTO_IPV6).putInt(VrrpLibC.IPV6_HOPLIMIT).putLong(255);
        assertTrue(Ipv6Datagram.parse(address("fe80::1"), lying.array(), lying.position(), PAYLOAD).isEmpty());
    }

    private static ByteBuffer control() {
        return ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());
    }

    /** cmsghdr + struct in6_pktinfo (20 bytes, padded to 24). */
    private static void pktinfo(ByteBuffer control, String destination, int interfaceIndex) throws Exception {
        control.putLong(Ipv6Datagram.CMSG_HEADER + 20).putInt(VrrpLibC.IPPROTO_IPV6).putInt(VrrpLibC.IPV6_PKTINFO)
                .put(address(destination)).putInt(interfaceIndex).putInt(0);
    }

    /** cmsghdr + int (4 bytes, padded to 8). */
    private static void hopLimit(ByteBuffer control, int hops) {
        control.putLong(Ipv6Datagram.CMSG_HEADER + 4).putInt(VrrpLibC.IPPROTO_IPV6).putInt(VrrpLibC.IPV6_HOPLIMIT)
                .putInt(hops).putInt(0);
    }

    private static byte[] address(String text) throws Exception {
        return InetAddress.getByName(text).getAddress();
    }
}
