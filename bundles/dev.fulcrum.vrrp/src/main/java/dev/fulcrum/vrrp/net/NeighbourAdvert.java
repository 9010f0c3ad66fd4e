package dev.fulcrum.vrrp.net;

import dev.fulcrum.vrrp.packet.Checksums;
import java.net.Inet6Address;
import java.nio.ByteBuffer;

/**
 * An unsolicited Neighbor Advertisement (RFC 4861 section 7.2.6; RFC 5798 section 6.4.2 sends one
 * per IPv6 virtual address on becoming master): ICMPv6 type 136 (section 4.4) with the Override flag,
 * so every neighbour replaces the link-layer address it cached for the target, and the Target
 * Link-Layer Address option (section 4.6.1) carrying our MAC. Sent to all-nodes ff02::1 with hop
 * limit 255 (section 7.1.2: receivers drop NAs with any other).
 */
public final class NeighbourAdvert {

    /** RFC 4861 section 4.6.1: the all-nodes multicast address ff02::1. */
    public static final Inet6Address ALL_NODES = Ipv6Datagram.address(new byte[] {(byte) 0xff, 0x02, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
    /** 4 bytes of type, code, checksum, 4 of flags, 16 of target, 8 of the option. */
    public static final int LENGTH = 32;
    static final int TYPE = 136;
    static final int CHECKSUM_OFFSET = 2;
    /** RFC 4861 section 4.4: Router, Solicited (never in an unsolicited NA, section 7.2.6), Override. */
    static final int FLAG_ROUTER = 0x80;
    static final int FLAG_OVERRIDE = 0x20;
    private static final int OPTION_TARGET_LINK_LAYER = 2;
    /** The option length in units of 8 bytes: type, length and a 6-byte Ethernet address. */
    private static final int OPTION_UNITS = 1;

    private NeighbourAdvert() {
    }

    /**
     * The ICMPv6 message announcing that {@code target} lives at {@code mac}, sent from {@code source}
     * (which enters the checksum); {@code router} sets the Router flag (the interface forwards, as a
     * VRRP router's usually does: a cleared flag makes hosts drop it from their default router list,
     * section 7.2.5).
     */
    public static byte[] unsolicited(byte[] mac, Inet6Address source, Inet6Address target, boolean router) {
        if (mac.length != 6) {
            throw new IllegalArgumentException("an Ethernet address has 6 bytes: " + mac.length);
        }
        byte[] message = ByteBuffer.allocate(LENGTH).put((byte) TYPE).put((byte) 0).putShort((short) 0)
                .put((byte) (FLAG_OVERRIDE | (router ? FLAG_ROUTER : 0))).put(new byte[3]).put(target.getAddress())
                .put((byte) OPTION_TARGET_LINK_LAYER).put((byte) OPTION_UNITS).put(mac).array();
        int checksum = Checksums.ipv6(source, ALL_NODES, VrrpLibC.IPPROTO_ICMPV6, message, CHECKSUM_OFFSET);
        message[CHECKSUM_OFFSET] = (byte) (checksum >>> 8);
        message[CHECKSUM_OFFSET + 1] = (byte) checksum;
        return message;
    }
}
