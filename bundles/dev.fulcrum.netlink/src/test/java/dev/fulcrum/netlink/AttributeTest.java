package dev.fulcrum.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden bytes from linux/netlink.h: struct nlattr, NLA_ALIGNTO = 4, NLA_F_NESTED, NLA_F_NET_BYTEORDER. */
class AttributeTest {

    @Test
    void scalarsAreHostOrderAndPaddedToFourBytes() {
        byte[] encoded = new AttributeEncoder()
                .u8(1, 0xAB)
                .u16(2, 0x1234)
                .u32(3, 0xDEADBEEFL)
                .u64(4, 0x0102030405060708L)
                .toByteArray();
        Hex.assertHex("0500 0100 ab000000"
                + "0600 0200 3412 0000"
                + "0800 0300 efbeadde"
                + "0c00 0400 0807060504030201", encoded);
    }

    @Test
    void aStringCarriesItsNulAndNlaLenExcludesThePadding() {
        Hex.assertHex("0700 0300 6c6f00 00", new AttributeEncoder().string(3, "lo").toByteArray());
    }

    @Test
    void aFlagHasNoValue() {
        Hex.assertHex("0400 0700", new AttributeEncoder().flag(7).toByteArray());
    }

    @Test
    void nestedSetsNlaFNestedAndItsLengthCoversTheInnerAttributes() throws Exception {
        // IFLA_LINKINFO (18) { IFLA_INFO_KIND (1) "dummy" } as an RTM_NEWLINK of a dummy link carries it.
        byte[] encoded = new AttributeEncoder().nested(18, inner -> inner.string(1, "dummy")).toByteArray();
        Hex.assertHex("1000 1280 0a00 0100 64756d6d7900 0000", encoded);

        Attribute linkInfo = Attributes.decode(encoded).list().get(0);
        assertEquals(18, linkInfo.type());
        assertTrue(linkInfo.nested());
        assertEquals("dummy", linkInfo.nestedAttributes().required(1, "IFLA_INFO_KIND").string());
    }

    @Test
    void networkByteOrderValuesAreBigEndianAndTheFlagIsDecoded() throws Exception {
        byte[] encoded = new AttributeEncoder()
                .u16BigEndian(5 | Attribute.F_NET_BYTEORDER, 80)
                .u16BigEndian(6, 443)
                .u32BigEndian(7, 0x0A000001L)
                .toByteArray();
        Hex.assertHex("0600 0540 0050 0000" + "0600 0600 01bb 0000" + "0800 0700 0a000001", encoded);

        List<Attribute> attributes = Attributes.decode(encoded).list();
        assertTrue(attributes.get(0).netByteOrder());
        assertEquals(5, attributes.get(0).type());
        assertEquals(80, attributes.get(0).u16(), "u16() honours NLA_F_NET_BYTEORDER");
        assertFalse(attributes.get(1).netByteOrder());
        assertEquals(443, attributes.get(1).u16BigEndian());
        assertEquals(0xbb01, attributes.get(1).u16(), "without the flag u16() reads host order");
        assertEquals(0x0A000001L, attributes.get(2).u32BigEndian());
    }

    @Test
    void addressesDecodeToInetAddresses() throws Exception {
        byte[] encoded = new AttributeEncoder()
                .address(1, InetAddress.getByName("192.0.2.7"))
                .address(2, InetAddress.getByName("2001:db8::1"))
                .toByteArray();
        List<Attribute> attributes = Attributes.decode(encoded).list();
        assertEquals(InetAddress.getByName("192.0.2.7"), attributes.get(0).inetAddress());
        assertEquals(InetAddress.getByName("2001:db8::1"), attributes.get(1).inetAddress());
        MalformedMessageException error = assertThrows(MalformedMessageException.class,
                () -> new Attribute(1, false, false, new byte[5]).inetAddress());
        assertTrue(error.getMessage().contains("4 or 16 bytes, got 5"), error.getMessage());
    }

    @Test
    void lookupsFindFirstAndAllOfAType() throws Exception {
        Attributes attributes = Attributes.decode(new AttributeEncoder().u8(1, 1).u8(2, 2).u8(1, 3).toByteArray());
        assertEquals(1, attributes.first(1).orElseThrow().u8());
        assertEquals(List.of(1, 3), attributes.all(1).stream().map(a -> a.value()[0] & 0xff).toList());
        assertTrue(attributes.first(9).isEmpty());
        MalformedMessageException error = assertThrows(MalformedMessageException.class, () -> attributes.required(9, "X"));
        assertEquals("missing attribute X (9)", error.getMessage());
    }

    @Test
    void aValueOfTheWrongSizeIsATypedError() {
        Attribute threeBytes = new Attribute(4, false, false, new byte[3]);
        assertThrows(MalformedMessageException.class, threeBytes::u32);
        assertThrows(MalformedMessageException.class, threeBytes::u16);
        assertThrows(MalformedMessageException.class, threeBytes::u8);
        assertThrows(MalformedMessageException.class, threeBytes::u64);
    }

    @Test
    void aStringStopsAtItsNulOrTheEnd() {
        assertEquals("eth0", new Attribute(3, false, false, new byte[] {'e', 't', 'h', '0', 0, 'x'}).string());
        assertEquals("eth0", new Attribute(3, false, false, new byte[] {'e', 't', 'h', '0'}).string());
    }

    @Test
    void malformedStreamsAreTypedErrors() {
        assertThrows(MalformedMessageException.class, () -> Attributes.decode(Hex.bytes("0300 0100")),
                "nla_len below the header");
        assertThrows(MalformedMessageException.class, () -> Attributes.decode(Hex.bytes("0900 0100 00000000")),
                "nla_len beyond the bytes");
        assertThrows(MalformedMessageException.class, () -> Attributes.decode(Hex.bytes("0500 0100 01000000 0400")),
                "a truncated second header");
        assertThrows(MalformedMessageException.class, () -> Attributes.decode(new byte[4], 5));
    }

    @Test
    void anOversizedValueOrTypeIsRejectedWhenEncoding() {
        assertThrows(IllegalArgumentException.class, () -> new AttributeEncoder().bytes(1, new byte[0xFFFC]));
        assertThrows(IllegalArgumentException.class, () -> new AttributeEncoder().u8(0x10000, 0));
    }
}
