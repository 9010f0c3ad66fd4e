package dev.fulcrum.vrrp.system;

import static dev.fulcrum.vrrp.system.VrrpLan.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.testing.SystemTest;
import dev.fulcrum.vrrp.fsm.VrrpState;
import dev.fulcrum.vrrp.packet.DropCounters;
import dev.fulcrum.vrrp.packet.DropReason;
import dev.fulcrum.vrrp.runtime.VrrpEngine;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hop limit and source of IPv6 adverts reach the receive checks from the kernel's control
 * messages (RFC 5798 section 7.1): a client (Python's raw socket, not our code) sends a
 * higher-priority VRRPv3 advert to ff02::12 with a good checksum but hop limit 1, then one with hop
 * limit 255 but a bad checksum: Fulcrum stays master and counts one drop of each reason; a good one
 * then makes it step down.
 */
@SystemTest
class Ipv6ReceiveChecksTest {

    /** Sends one VRRPv3 advert (VRID 61, priority 250, 1 s, VIP 2001:db8::100) from the link-local argv[1]. */
    private static final String SENDER = """
            import socket, struct, sys
            src, hops, corrupt = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
            index = socket.if_nametoindex("e0")
            vip = socket.inet_pton(socket.AF_INET6, "2001:db8::100")
            message = bytearray(struct.pack("!BBBBHH", 0x31, 61, 250, 1, 100, 0) + vip)
            pseudo = (socket.inet_pton(socket.AF_INET6, src) + socket.inet_pton(socket.AF_INET6, "ff02::12")
                      + struct.pack("!I3xB", len(message), 112))
            data = pseudo + bytes(message)
            total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
            while total >> 16:
                total = (total & 0xffff) + (total >> 16)
            struct.pack_into("!H", message, 6, (~total & 0xffff) ^ (1 if corrupt else 0))
            s = socket.socket(socket.AF_INET6, socket.SOCK_RAW, 112)
            s.bind((src, 0, 0, index))
            s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, index)
            s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_HOPS, hops)
            s.sendto(bytes(message), ("ff02::12", 0, 0, index))
            """;

    @TempDir
    Path directory;

    @Test
    void wrongHopLimitAndBadChecksumAreDroppedAndCountedAGoodAdvertIsObeyed() throws Exception {
        try (VrrpLan lan = Ipv6KeepalivedTest.ipv6Lan(directory)) {
            VrrpEngine fulcrum = lan.startFulcrum(1, Ipv6KeepalivedTest.conf("MASTER", 100));
            await("Fulcrum to become master", () -> fulcrum.states().get("VI_6") == VrrpState.MASTER);
            String source = lan.client().exec("ip", "-6", "-o", "address", "show", "dev", "e0", "scope", "link")
                    .replaceAll("(?s).*inet6 (fe80::[0-9a-f:]+)/.*", "$1");
            DropCounters drops = fulcrum.router("VI_6").drops();

            send(lan, source, 1, false);
            await("the hop limit 1 advert counted", () -> drops.get(DropReason.TTL) == 1);
            send(lan, source, 255, true);
            await("the bad checksum counted", () -> drops.get(DropReason.CHECKSUM) == 1);
            assertEquals(VrrpState.MASTER, fulcrum.states().get("VI_6"), "neither advert was obeyed");
            assertEquals(2, drops.total(), "nothing else dropped");

            send(lan, source, 255, false);
            await("Fulcrum to yield to the higher priority (RFC 5798 section 6.4.3)",
                    () -> fulcrum.states().get("VI_6") == VrrpState.BACKUP);
        }
    }

    private static void send(VrrpLan lan, String source, int hops, boolean corrupt) throws Exception {
        lan.client().exec("python3", "-c", SENDER, source, Integer.toString(hops), corrupt ? "1" : "0");
    }
}
