package dev.fulcrum.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void thePortLiesBelowTheKernelsEphemeralRangeAndCanBeBound() throws Exception {
        // readAllLines, not readString: procfs reports a size the latter trusts and cuts the text short
        String[] range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim().split("\\s+");
        int ephemeralLow = Integer.parseInt(range[0]);
        for (int i = 0; i < 20; i++) {
            int port = FreePorts.next();
            assertTrue(port >= 1024 && port < ephemeralLow, port + " lies in the ephemeral range from " + ephemeralLow);
            try (ServerSocket socket = new ServerSocket()) {
                assertDoesNotThrow(() -> socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
            }
        }
    }
}
