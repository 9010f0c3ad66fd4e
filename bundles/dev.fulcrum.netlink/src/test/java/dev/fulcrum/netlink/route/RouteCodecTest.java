package dev.fulcrum.netlink.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.netlink.Hex;
import dev.fulcrum.netlink.MalformedMessageException;
import dev.fulcrum.netlink.MessageCodec;
import dev.fulcrum.netlink.NetlinkMessage;
import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Golden bytes from linux/rtnetlink.h (struct ifinfomsg, RTM_*), linux/if_addr.h (struct ifaddrmsg,
 * IFA_*, IFA_F_*) and linux/if_link.h (IFLA_*).
 */
class RouteCodecTest {

    /** RTM_NEWLINK for veth "va", index 3, UP|BROADCAST|RUNNING|MULTICAST|LOWER_UP, mtu 1500, operstate UP. */
    static final NetlinkMessage VA = new NetlinkMessage(16, 0, 0, 0, Hex.bytes("""
            00 00 0100 03000000 43100100 00000000
            0700 0300 766100 00
            0800 0400 dc050000
            0a00 0100 020000000001 0000
            0500 1000 06 000000
            1000 1280 0900 0100 7665746800 000000
            """));

    @Test
    void linkDumpRequestIsAZeroedIfinfomsg() {
        Hex.assertHex("20000000 1200 0103 01000000 00000000" + "00".repeat(16),
                MessageCodec.encode(RouteCodec.dumpLinks().withFlags(0x301).withSequence(1, 0)));
    }

    @Test
    void setLinkDownChangesOnlyIffUp() {
        Hex.assertHex("00 00 0000 05000000 00000000 01000000", RouteCodec.setLinkUp(5, false).payload());
        Hex.assertHex("00 00 0000 05000000 01000000 01000000", RouteCodec.setLinkUp(5, true).payload());
    }

    @Test
    void getLinkByNameCarriesIflaIfname() {
        Hex.assertHex("00 00 0000 00000000 00000000 00000000 0700 0300 766100 00", RouteCodec.getLink("va").payload());
    }

    @Test
    void decodesALink() throws Exception {
        Link link = RouteCodec.decodeLink(VA);
        assertEquals(new Link(3, "va", 1, 0x11043, 1500, "02:00:00:00:00:01", OperState.UP, Optional.of("veth")), link);
        assertTrue(link.isUp());
        assertTrue(link.isLowerUp());
    }

    @Test
    void addIpv4WithLabelBytes() throws Exception {
        Address address = new Address(3, InetAddress.getByName("10.9.8.7"), 24, AddressScope.UNIVERSE,
                Optional.of("va:vip"), 0);
        // RTM_NEWADDR (20) with NLM_F_REQUEST | NLM_F_EXCL | NLM_F_CREATE (0x601).
        Hex.assertHex("34000000 1400 0106 00000000 00000000"
                + "02 18 00 00 03000000"
                + "0800 0200 0a090807"
                + "0800 0100 0a090807"
                + "0b00 0300 76613a76697000 00",
                MessageCodec.encode(RouteCodec.addAddress(address)));
    }

    @Test
    void addIpv6WithScopeAndNodadBytes() throws Exception {
        Address address = new Address(2, InetAddress.getByName("fd00::1"), 64, AddressScope.LINK, Optional.empty(),
                Address.F_NODAD);
        Hex.assertHex("0a 40 02 fd 02000000"
                + "1400 0200 fd000000000000000000000000000001"
                + "1400 0100 fd000000000000000000000000000001"
                + "0800 0800 02000000",
                RouteCodec.addAddress(address).payload());
        assertEquals(RouteCodec.RTM_DELADDR, RouteCodec.deleteAddress(address).type());
        Hex.assertHex(Hex.of(RouteCodec.addAddress(address).payload()), RouteCodec.deleteAddress(address).payload());
    }

    @Test
    void decodesAnIpv4AddressPreferringIfaLocalAndIfaFlags() throws Exception {
        NetlinkMessage message = new NetlinkMessage(20, 0, 0, 0, Hex.bytes("""
                02 18 00 00 03000000
                0800 0100 0a0908ff
                0800 0200 0a090807
                0b00 0300 76613a76697000 00
                0800 0800 80000000
                """));
        assertEquals(new Address(3, InetAddress.getByName("10.9.8.7"), 24, AddressScope.UNIVERSE, Optional.of("va:vip"),
                Address.F_PERMANENT), RouteCodec.decodeAddress(message));
    }

    @Test
    void decodesAnIpv6AddressFromIfaAddressAndTheHeaderFlags() throws Exception {
        NetlinkMessage message = new NetlinkMessage(20, 0, 0, 0, Hex.bytes(
                "0a 40 80 fd 02000000 1400 0100 fe800000000000000000000000000001"));
        Address address = RouteCodec.decodeAddress(message);
        assertEquals(InetAddress.getByName("fe80::1"), address.address());
        assertEquals(AddressScope.LINK, address.scope());
        assertEquals(Address.F_PERMANENT, address.flags());
        assertFalse(address.isIpv4());
    }

    @Test
    void malformedRouteMessagesAreTypedErrors() {
        assertThrows(MalformedMessageException.class, () -> RouteCodec.decodeLink(
                new NetlinkMessage(16, 0, 0, 0, new byte[15])), "short ifinfomsg");
        assertThrows(MalformedMessageException.class, () -> RouteCodec.decodeLink(
                new NetlinkMessage(16, 0, 0, 0, new byte[16])), "no IFLA_IFNAME");
        assertThrows(MalformedMessageException.class, () -> RouteCodec.decodeLink(
                new NetlinkMessage(20, 0, 0, 0, VA.payload())), "not a link message");
        assertThrows(MalformedMessageException.class, () -> RouteCodec.decodeAddress(
                new NetlinkMessage(20, 0, 0, 0, Hex.bytes("02 18 00 00 03000000 0800 0100 0a090807 ffff"))), "trailing bytes");
        assertThrows(MalformedMessageException.class, () -> RouteCodec.decodeAddress(
                new NetlinkMessage(20, 0, 0, 0, Hex.bytes("0a 18 00 00 03000000 0800 0100 0a090807"))), "IPv6 with 4 bytes");
        assertThrows(MalformedMessageException.class, () -> RouteCodec.decodeAddress(
                new NetlinkMessage(20, 0, 0, 0, Hex.bytes("07 18 00 00 03000000 0800 0100 0a090807"))), "unknown family");
        assertThrows(MalformedMessageException.class, () -> RouteCodec.decodeAddress(
                new NetlinkMessage(20, 0, 0, 0, Hex.bytes("02 21 00 00 03000000 0800 0100 0a090807"))), "prefix 33");
    }
}
