package dev.fulcrum.proxy.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.proxy.testing.Models;
import dev.fulcrum.proxy.testing.RecordingPipeline;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Listening sockets on the real kernel: non-local binds, IPv6, all-or-none binding. */
class ListenersTest {

    /** 192.0.2.0/24 is TEST-NET-1 (RFC 5737): never configured on this host. */
    private static InetSocketAddress nonLocal() throws IOException {
        return new InetSocketAddress(InetAddress.getByName("192.0.2.55"), Models.freePort());
    }

    @Test
    void theNativeTransportBindsAnAddressThatIsNotLocalYet() throws IOException, Listeners.BindException {
        try (Transport transport = Transport.create(1, true); Listeners listeners = new Listeners(transport)) {
            assertTrue(transport.supportsFreeBind(), "epoll is available on this Linux host");
            InetSocketAddress vip = nonLocal();
            listeners.bindMissing(Set.of(vip));
            listeners.commit(Map.of(vip, new RecordingPipeline(0)));
            assertEquals(Set.of(vip), listeners.addresses());
        }
    }

    @Test
    void withoutFreeBindANonLocalAddressIsATypedBindError() throws IOException {
        boolean nonLocalAllowed = Files.readString(Path.of("/proc/sys/net/ipv4/ip_nonlocal_bind")).trim().equals("1");
        try (Transport transport = Transport.create(1, false); Listeners listeners = new Listeners(transport)) {
            InetSocketAddress vip = nonLocal();
            InetSocketAddress local = new InetSocketAddress(InetAddress.getLoopbackAddress(), Models.freePort());
            if (nonLocalAllowed) {
                return; // the host allows it by sysctl; the NIO refusal cannot be observed here
            }
            Listeners.BindException e = assertThrows(Listeners.BindException.class,
                    () -> listeners.bindMissing(new LinkedHashSet<>(List.of(local, vip))));
            assertTrue(e.getMessage().startsWith("cannot bind /192.0.2.55:"), e.getMessage());
            assertEquals(Set.of(), listeners.addresses(), "all or none: the local address was released again");
        }
    }

    @Test
    void servesIpv4AndIpv6BindsOfOneFrontend() throws Exception {
        try (Transport transport = Transport.create(1, true); Listeners listeners = new Listeners(transport)) {
            InetSocketAddress v4 = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), Models.freePort());
            InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("::1"), Models.freePort());
            RecordingPipeline frontend = new RecordingPipeline(2);
            listeners.bindMissing(Set.of(v4, v6));
            listeners.commit(Map.of(v4, frontend, v6, frontend));
            try (Socket a = new Socket(v4.getAddress(), v4.getPort()); Socket b = new Socket(v6.getAddress(), v6.getPort())) {
                assertTrue(frontend.awaitExpected(10));
            }
            assertEquals(Set.of(v4.getPort(), v6.getPort()), Set.of(
                    ((InetSocketAddress) frontend.accepted().get(0).localAddress()).getPort(),
                    ((InetSocketAddress) frontend.accepted().get(1).localAddress()).getPort()));
        }
    }
}
