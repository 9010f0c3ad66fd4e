package dev.fulcrum.vrrp.net;

import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A gratuitous ARP (RFC 5227 section 3, "ARP Announcement"; RFC 5798 section 6.4.2): an ARP
 * request (RFC 826) whose sender and target protocol address are both the virtual address, so
 * every host and switch on the segment learns that it now lives at our hardware address.
 */
final class ArpFrame {

    /** ARP over Ethernet for IPv4: 8 bytes of header, two 6-byte hardware and two 4-byte protocol addresses. */
    static final int LENGTH = 28;
    private static final short HTYPE_ETHERNET = 1;
    private static final short PTYPE_IPV4 = 0x0800;
    private static final short OPER_REQUEST = 1;
    private static final int MAC_LENGTH = 6;

    private ArpFrame() {
    }

    /** The ARP payload (the Ethernet header is the kernel's: AF_PACKET SOCK_DGRAM, packet(7)). */
    static byte[] announcement(byte[] senderMac, Inet4Address address) {
        checkMac(senderMac);
        byte[] broadcast = new byte[MAC_LENGTH];
        Arrays.fill(broadcast, (byte) 0xff);
        return ByteBuffer.allocate(LENGTH).putShort(HTYPE_ETHERNET).putShort(PTYPE_IPV4).put((byte) MAC_LENGTH)
                .put((byte) 4).putShort(OPER_REQUEST).put(senderMac).put(address.getAddress()).put(broadcast)
                .put(address.getAddress()).array();
    }

    /** "aa:bb:cc:dd:ee:ff" (IFLA_ADDRESS as netlink's Link gives it) as six bytes. */
    static byte[] parseMac(String text) {
        String[] parts = text.split(":");
        if (parts.length != MAC_LENGTH) {
            throw new IllegalArgumentException("not an Ethernet address: \"" + text + "\"");
        }
        byte[] mac = new byte[MAC_LENGTH];
        for (int i = 0; i < MAC_LENGTH; i++) {
            if (parts[i].length() != 2) {
                throw new IllegalArgumentException("not an Ethernet address: \"" + text + "\"");
            }
            mac[i] = (byte) HexFormat.fromHexDigits(parts[i]);
        }
        return mac;
    }

    private static void checkMac(byte[] mac) {
        if (mac.length != MAC_LENGTH) {
            throw new IllegalArgumentException("an Ethernet address has 6 bytes: " + mac.length);
        }
    }
}
