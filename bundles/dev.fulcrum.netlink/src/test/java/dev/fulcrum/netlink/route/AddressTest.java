package dev.fulcrum.netlink.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Bad addresses, labels and scopes are refused with a message before any request is built. */
class AddressTest {

    @Test
    void aLabelIsIpv4OnlyAndFitsIfnamsiz() throws Exception {
        InetAddress v6 = InetAddress.getByName("fd00::1");
        InetAddress v4 = InetAddress.getByName("10.0.0.1");
        IllegalArgumentException onIpv6 = assertThrows(IllegalArgumentException.class,
                () -> new Address(1, v6, 64, AddressScope.UNIVERSE, Optional.of("eth0:x"), 0));
        assertEquals("an address label (IFA_LABEL) is IPv4 only: fd00:0:0:0:0:0:0:1", onIpv6.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Address(1, v4, 24, AddressScope.UNIVERSE, Optional.of("sixteen-bytes-xx"), 0));
        assertThrows(IllegalArgumentException.class, () -> new Address(1, v4, 24, AddressScope.UNIVERSE, Optional.of(""), 0));
    }

    @Test
    void thePrefixLengthFitsTheFamilyAndTheIndexIsPositive() throws Exception {
        assertEquals("prefix length of 10.0.0.1 must be 0 to 32: 33", assertThrows(IllegalArgumentException.class,
                () -> Address.of(1, InetAddress.getByName("10.0.0.1"), 33)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Address.of(1, InetAddress.getByName("::1"), 129));
        assertThrows(IllegalArgumentException.class, () -> Address.of(0, InetAddress.getByName("::1"), 128));
        assertEquals("10.0.0.1/8", Address.of(1, InetAddress.getByName("10.0.0.1"), 8).cidr());
    }

    @Test
    void scopesByNameAsIpAndKeepalivedWriteThem() {
        assertEquals(AddressScope.UNIVERSE, AddressScope.parse("global"));
        assertEquals(AddressScope.LINK, AddressScope.parse("link"));
        assertEquals(AddressScope.HOST, AddressScope.parse("host"));
        assertEquals(AddressScope.SITE, AddressScope.parse("site"));
        assertEquals(AddressScope.NOWHERE, AddressScope.parse("nowhere"));
        assertEquals(new AddressScope(100), AddressScope.parse("100"));
        assertEquals("link", AddressScope.LINK.toString());
        assertEquals("100", new AddressScope(100).ipName());
        assertEquals("unknown address scope \"planet\" (expected global, site, link, host, nowhere or 0-255)",
                assertThrows(IllegalArgumentException.class, () -> AddressScope.parse("planet")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> AddressScope.parse("256"));
    }
}
