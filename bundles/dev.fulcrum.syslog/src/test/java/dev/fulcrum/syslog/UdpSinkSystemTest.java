package dev.fulcrum.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fulcrum.api.model.proxy.LogTarget;
import dev.fulcrum.testing.SystemTest;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** UDP targets on loopback, IPv4 and IPv6, with a fixed clock so the bytes are exact. */
@SystemTest
class UdpSinkSystemTest {

    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-11-24T22:11:43.685Z"));

    @Test
    void ipv4TargetWithMaxLevel() throws Exception {
        try (UdpReceiver receiver = new UdpReceiver(); SyslogSink sink = SyslogSinks.open(
                new LogTarget("udp@127.0.0.1:" + receiver.port(), "local2", Optional.of("notice")),
                new SyslogOptions(Optional.of("lb1"), 1024), CLOCK, ZoneId.of("UTC"))) {
            assertEquals(SyslogSink.Result.FILTERED, sink.send(Severity.INFO, "haproxy", 9, "request"));
            assertEquals(SyslogSink.Result.SENT, sink.send(Severity.ALERT, "haproxy", 9, "backend be has no server available!"));
            assertEquals("<145>Nov 24 22:11:43 lb1 haproxy[9]: backend be has no server available!\n",
                    new String(receiver.receive(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void ipv6Target() throws Exception {
        try (DatagramSocket receiver = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("::1"), 0));
                SyslogSink sink = SyslogSinks.open(new LogTarget("[::1]:" + receiver.getLocalPort(), "daemon",
                        Optional.empty()), SyslogOptions.DEFAULTS, CLOCK, ZoneId.of("UTC"))) {
            receiver.setSoTimeout(10_000);
            sink.send(Severity.DEBUG, "fulcrum", 1, "v6");
            DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
            receiver.receive(packet);
            assertEquals(Inet6Address.class, packet.getAddress().getClass());
            assertEquals("<31>Nov 24 22:11:43 fulcrum[1]: v6\n",
                    new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void anUnresolvableHostFailsOnOpenNotOnSend() {
        LogTarget target = new LogTarget("no-such-host.invalid:514", "local0", Optional.empty());
        assertThrows(IOException.class, () -> SyslogSinks.open(target, SyslogOptions.DEFAULTS));
    }
}
