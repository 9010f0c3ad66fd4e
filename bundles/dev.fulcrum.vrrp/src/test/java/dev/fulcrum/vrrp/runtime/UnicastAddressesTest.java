package dev.fulcrum.vrrp.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.vrrp.VirtualAddress;
import dev.fulcrum.api.model.vrrp.VrrpInstance;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The instance's family is its first virtual address's; a unicast address of the other family is
 * refused by name before anything is opened, not replaced silently.
 */
class UnicastAddressesTest {

    @Test
    void peersAndSourceOfTheInstancesFamilyRun() throws Exception {
        assertEquals(Optional.empty(), RunningInstance.familyMismatch(unicast("198.51.100.1", "198.51.100.2",
                "192.0.2.100")));
        assertEquals(Optional.empty(), RunningInstance.familyMismatch(LiveChangeTest.instance(100, "e0")));
        assertEquals(Optional.empty(), RunningInstance.familyMismatch(unicast("2001:db8::1", "2001:db8::2",
                "2001:db8::100")));
    }

    @Test
    void theFirstVirtualAddressGivesTheFamily() throws Exception {
        assertFalse(RunningInstance.isIpv6(LiveChangeTest.instance(100, "e0")));
        assertTrue(RunningInstance.isIpv6(unicast("2001:db8::1", "2001:db8::2", "2001:db8::100")));
    }

    @Test
    void aPeerOrSourceOfTheOtherFamilyIsNamed() throws Exception {
        assertEquals(Optional.of("unicast_peer / unicast_src_ip / mcast_src_ip 2001:db8:0:0:0:0:0:2 is IPv6 but the"
                + " instance is IPv4 (the family of its first virtual_ipaddress)"),
                RunningInstance.familyMismatch(unicast("198.51.100.1", "2001:db8::2", "192.0.2.100")));
        assertEquals(Optional.of("unicast_peer / unicast_src_ip / mcast_src_ip 2001:db8:0:0:0:0:0:1 is IPv6 but the"
                + " instance is IPv4 (the family of its first virtual_ipaddress)"),
                RunningInstance.familyMismatch(unicast("2001:db8::1", "198.51.100.2", "192.0.2.100")));
        assertEquals(Optional.of("unicast_peer / unicast_src_ip / mcast_src_ip 198.51.100.2 is IPv4 but the"
                + " instance is IPv6 (the family of its first virtual_ipaddress)"),
                RunningInstance.familyMismatch(unicast("2001:db8::1", "198.51.100.2", "2001:db8::100")));
    }

    private static VrrpInstance unicast(String source, String peer, String vip) throws Exception {
        VrrpInstance i = LiveChangeTest.instance(100, "e0");
        return new VrrpInstance(i.name(), i.initialState(), i.interfaceName(), i.virtualRouterId(), i.priority(),
                i.advertInterval(), i.version(), i.authentication(),
                List.of(VirtualAddress.of(InetAddress.getByName(vip))), i.excludedAddresses(),
                i.nopreempt(), i.preemptDelay(), i.accept(), i.strictMode(), Optional.of(InetAddress.getByName(source)),
                List.of(InetAddress.getByName(peer)), OptionalInt.empty(), Optional.empty(), List.of(), List.of(), false,
                i.notifyScripts(), i.smtpAlert(), i.garp());
    }
}
