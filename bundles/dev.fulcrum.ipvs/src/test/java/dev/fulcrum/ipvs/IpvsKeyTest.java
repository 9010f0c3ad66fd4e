package dev.fulcrum.ipvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.fulcrum.api.model.lvs.Protocol;
import org.junit.jupiter.api.Test;

/** IpvsKey.Address writes out equals and hashCode (hot in the reconciler): they must stay a record's. */
class IpvsKeyTest {

    private final IpvsKey.Address web = key(Protocol.TCP, "10.0.0.1", 80);

    @Test
    void equalKeysAreEqualAndHashAlike() {
        IpvsKey.Address again = key(Protocol.TCP, "10.0.0.1", 80);

        assertEquals(web, again);
        assertEquals(web.hashCode(), again.hashCode());
    }

    @Test
    void protocolAddressAndPortEachMakeADifferentKey() {
        assertNotEquals(web, key(Protocol.UDP, "10.0.0.1", 80));
        assertNotEquals(web, key(Protocol.TCP, "10.0.0.2", 80));
        assertNotEquals(web, key(Protocol.TCP, "10.0.0.1", 81));
        assertNotEquals(web, new IpvsKey.Fwmark(80, false));
        assertNotEquals(web, null);
    }

    private static IpvsKey.Address key(Protocol protocol, String address, int port) {
        return IpvsCodecGoldenTest.key(protocol, address, port);
    }
}
