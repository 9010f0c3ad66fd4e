package dev.fulcrum.vrrp.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.model.vrrp.VrrpInstance;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** An IPv6 unicast address is refused by name before anything is opened, not replaced silently. */
class UnicastAddressesTest {

    @Test
    void ipv4PeersAndSourceRun() throws Exception {
        assertEquals(Optional.empty(), RunningInstance.unsupportedUnicast(unicast("198.51.100.1", "198.51.100.2")));
        assertEquals(Optional.empty(), RunningInstance.unsupportedUnicast(LiveChangeTest.instance(100, "e0")));
    }

    @Test
    void anIpv6PeerOrSourceIsNamed() throws Exception {
        assertEquals(Optional.of("unicast_peer / unicast_src_ip / mcast_src_ip 2001:db8:0:0:0:0:0:2: only IPv4 is "
                + "supported by this VRRP runtime"), RunningInstance.unsupportedUnicast(unicast("198.51.100.1",
                        "2001:db8::2")));
        assertEquals(Optional.of("unicast_peer / unicast_src_ip / mcast_src_ip 2001:db8:0:0:0:0:0:1: only IPv4 is "
                + "supported by this VRRP runtime"), RunningInstance.unsupportedUnicast(unicast("2001:db8::1",
                        "198.51.100.2")));
    }

    private static VrrpInstance unicast(String source, String peer) throws Exception {
        VrrpInstance i = LiveChangeTest.instance(100, "e0");
        return new VrrpInstance(i.name(), i.initialState(), i.interfaceName(), i.virtualRouterId(), i.priority(),
                i.advertInterval(), i.version(), i.authentication(), i.virtualAddresses(), i.excludedAddresses(),
                i.nopreempt(), i.preemptDelay(), i.accept(), i.strictMode(), Optional.of(InetAddress.getByName(source)),
                List.of(InetAddress.getByName(peer)), OptionalInt.empty(), Optional.empty(), List.of(), List.of(), false,
                i.notifyScripts(), i.smtpAlert(), i.garp());
    }
}
