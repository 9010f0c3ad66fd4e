package dev.fulcrum.api.model.lvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** keepalived.conf(5) lvs_method TUN type ...: the combinations the kernel takes. */
class TunnelTest {

    @Test
    void onlyGueHasAPortAndTheChecksumOptionsFollowTheType() {
        assertEquals(6080, new Tunnel(Tunnel.Type.GUE, 6080, Tunnel.Checksum.REMCSUM).port());
        assertEquals("port must be from 1 to 65535, was 0", message(() -> new Tunnel(Tunnel.Type.GUE, 0, Tunnel.Checksum.NOCSUM)));
        assertEquals("port is for a GUE tunnel only, not gre", message(() -> new Tunnel(Tunnel.Type.GRE, 1, Tunnel.Checksum.NOCSUM)));
        assertEquals("an ipip tunnel takes no checksum option, got csum",
                message(() -> new Tunnel(Tunnel.Type.IPIP, 0, Tunnel.Checksum.CSUM)));
        assertEquals("a gre tunnel takes nocsum or csum, not remcsum",
                message(() -> new Tunnel(Tunnel.Type.GRE, 0, Tunnel.Checksum.REMCSUM)));
    }

    @Test
    void aTunnelNeedsTheTunnelMethod() throws Exception {
        InetAddress address = InetAddress.getByName("192.0.2.1");
        assertEquals("a tunnel type needs lvs_method TUN", message(() -> new RealServer(address, 80, 1,
                Optional.of(ForwardingMethod.DR), false, Optional.empty(), Optional.empty(), 0, 0, List.of(),
                Optional.of(Tunnel.IPIP))));
        assertEquals(Optional.empty(), new RealServer(address, 80, 1, Optional.empty(), false, Optional.empty(),
                Optional.empty(), 0, 0, List.of()).tunnel(), "the constructor of model 1.1 has no tunnel");
    }

    private static String message(org.junit.jupiter.api.function.Executable executable) {
        return assertThrows(IllegalArgumentException.class, executable).getMessage();
    }
}
