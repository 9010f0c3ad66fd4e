package dev.fulcrum.vrrp.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Ipv4DatagramTest {

    /** A 20-byte header (TTL 255, protocol 112, 192.0.2.1 -> 224.0.0.18) and a 4-byte payload. */
    private static final byte[] PACKET = HexFormat.of().parseHex(
            "45c00018000040003f70" + "0000" + "c0000201" + "e0000012" + "31330164");

    @Test
    void headerGivesSourceDestinationAndTtl() throws Exception {
        byte[] packet = PACKET.clone();
        packet[8] = (byte) 255;
        Ipv4Datagram datagram = Ipv4Datagram.parse(packet, packet.length).orElseThrow();
        assertEquals(InetAddress.getByName("192.0.2.1"), datagram.envelope().source());
        assertEquals(InetAddress.getByName("224.0.0.18"), datagram.envelope().destination());
        assertEquals(255, datagram.envelope().ttl());
        assertArrayEquals(HexFormat.of().parseHex("31330164"), datagram.payload());
    }

    @Test
    void optionsAreSkippedByTheHeaderLength() {
        byte[] packet = HexFormat.of().parseHex("46c0001c000040003f700000c0000201e0000012" + "94040000" + "3133");
        assertArrayEquals(HexFormat.of().parseHex("3133"), Ipv4Datagram.parse(packet, packet.length).orElseThrow()
                .payload());
    }

    @Test
    void truncatedOrNonIpv4IsNotADatagram() {
        assertTrue(Ipv4Datagram.parse(PACKET, 19).isEmpty(), "shorter than a header");
        byte[] v6 = PACKET.clone();
        v6[0] = 0x60;
        assertTrue(Ipv4Datagram.parse(v6, v6.length).isEmpty(), "version 6");
        byte[] longHeader = PACKET.clone();
        longHeader[0] = 0x4f; // 60-byte header in a 24-byte buffer
        assertTrue(Ipv4Datagram.parse(longHeader, longHeader.length).isEmpty(), "header longer than the packet");
    }
}
