package dev.fulcrum.sched.common;

import static dev.fulcrum.sched.common.TestRequest.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.InetAddress;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AddressKeyTest {

    @Test
    void ipv4TakesTheMappedIpv6Form() {
        assertEquals(new AddressKey(0, 0xffff_c000_0201L), AddressKey.of(address("192.0.2.1")));
        assertEquals(AddressKey.of(address("::ffff:192.0.2.1")), AddressKey.of(address("192.0.2.1")));
    }

    /** The Inet4Address fast path (its hashCode) must agree with the bytes, for any address. */
    @Test
    void ipv4FastPathAgreesWithTheAddressBytes() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 10_000; i++) {
            TestRequest request = TestRequest.random(random);
            assertEquals(AddressKey.masked(request.sourceAddress(), Optional.empty()),
                    AddressKey.of(request.sourceAddress()), request.sourceAddress().toString());
        }
    }

    @Test
    void foldIsTheHostOrderIpv4AddressOrTheXorOfIpv6Words() {
        assertEquals(0xc0000201, AddressKey.of(address("192.0.2.1")).fold());
        assertEquals(0x20010db8 ^ 0x00010002 ^ 0x00030004 ^ 0x00050006,
                AddressKey.of(address("2001:db8:1:2:3:4:5:6")).fold());
    }

    @Test
    void aNetmaskOfTheSameFamilyGroupsAddresses() {
        Optional<InetAddress> slash24 = Optional.of(address("255.255.255.0"));
        assertEquals(AddressKey.masked(address("10.1.2.3"), slash24),
                AddressKey.masked(address("10.1.2.250"), slash24));
        assertNotEquals(AddressKey.masked(address("10.1.2.3"), slash24),
                AddressKey.masked(address("10.1.3.3"), slash24));

        Optional<InetAddress> slash64 = Optional.of(address("ffff:ffff:ffff:ffff::"));
        assertEquals(AddressKey.masked(address("2001:db8::1"), slash64),
                AddressKey.masked(address("2001:db8::9:1"), slash64));
        // An IPv4 mask leaves an IPv6 address whole.
        assertEquals(AddressKey.of(address("2001:db8::1")), AddressKey.masked(address("2001:db8::1"), slash24));
    }
}
