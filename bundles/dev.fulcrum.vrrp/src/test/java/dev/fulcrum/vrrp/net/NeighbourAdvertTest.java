package dev.fulcrum.vrrp.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class NeighbourAdvertTest {

    private static final byte[] MAC = ArpFrame.parseMac("02:00:5e:00:01:33");

    @Test
    void unsolicitedAdvertHasOverrideTargetAndItsLinkLayerAddress() throws Exception {
        byte[] message = NeighbourAdvert.unsolicited(MAC, v6("fe80::1"), v6("2001:db8::100"), false);
        // RFC 4861 section 4.4: type 136, code 0, checksum; R=0 S=0 O=1; target; option 2 (target
        // link-layer address), length 1 (8 bytes), the MAC. Checksum 0xc831 computed independently.
        assertEquals("88" + "00" + "c831" + "20000000" + "20010db8000000000000000000000100" + "0201" + "02005e000133",
                HexFormat.of().formatHex(message));
    }

    @Test
    void routerFlagWhenTheInterfaceForwards() throws Exception {
        byte[] message = NeighbourAdvert.unsolicited(MAC, v6("fe80::1"), v6("2001:db8::100"), true);
        assertEquals(0xa0, message[4] & 0xff, "Router and Override");
        assertEquals(0xffff, onesComplementSum(v6("fe80::1"), message), "the checksum still verifies");
    }

    @Test
    void checksumVerifiesOverTheIpv6PseudoHeaderToAllNodes() throws Exception {
        for (String target : new String[] {"2001:db8::1", "fe80::ffff:1", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"}) {
            byte[] message = NeighbourAdvert.unsolicited(MAC, v6("fe80::abcd"), v6(target), false);
            assertEquals(0xffff, onesComplementSum(v6("fe80::abcd"), message), target);
        }
    }

    @Test
    void aMacMustHaveSixBytes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NeighbourAdvert.unsolicited(new byte[5], v6("fe80::1"), v6("2001:db8::1"), false));
        assertEquals("an Ethernet address has 6 bytes: 5", e.getMessage());
    }

    /** RFC 4443 section 2.3 as a receiver checks it: the sum over pseudo-header and message, checksum included. */
    private static int onesComplementSum(Inet6Address source, byte[] message) {
        ByteBuffer all = ByteBuffer.allocate(40 + message.length).put(source.getAddress())
                .put(NeighbourAdvert.ALL_NODES.getAddress()).putInt(message.length).put(new byte[3]).put((byte) 58)
                .put(message).flip();
        long sum = 0;
        while (all.hasRemaining()) {
            sum += all.getShort() & 0xffff;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) sum;
    }

    private static Inet6Address v6(String text) throws Exception {
        return (Inet6Address) InetAddress.getByName(text);
    }
}
