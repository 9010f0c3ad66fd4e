package dev.fulcrum.vrrp.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ArpFrameTest {

    @Test
    void announcementIsAnArpRequestFromAndForTheVirtualAddress() throws Exception {
        byte[] mac = ArpFrame.parseMac("02:00:5e:00:01:33");
        byte[] frame = ArpFrame.announcement(mac, (Inet4Address) InetAddress.getByName("192.0.2.100"));
        // RFC 826 fields: Ethernet, IPv4, 6, 4, request; sender = target = 192.0.2.100, target MAC broadcast.
        assertEquals("0001" + "0800" + "06" + "04" + "0001" + "02005e000133" + "c0000264" + "ffffffffffff" + "c0000264",
                HexFormat.of().formatHex(frame));
    }

    @Test
    void macTextMustHaveSixPairs() {
        assertArrayEquals(new byte[] {(byte) 0xaa, (byte) 0xbb, 0, 1, 2, (byte) 0xff},
                ArpFrame.parseMac("aa:bb:00:01:02:ff"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ArpFrame.parseMac(""));
        assertEquals("not an Ethernet address: \"\"", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ArpFrame.parseMac("aa:bb:cc:dd:ee"));
        assertThrows(IllegalArgumentException.class, () -> ArpFrame.parseMac("aa:bb:cc:dd:ee:fff"));
        assertThrows(IllegalArgumentException.class, () -> ArpFrame.parseMac("aa:bb:cc:dd:ee:zz"));
    }
}
