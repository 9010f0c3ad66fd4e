package dev.fulcrum.vrrp.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.testing.SystemTest;
import dev.fulcrum.vrrp.net.NeighbourAdvert;
import dev.fulcrum.vrrp.packet.IpEnvelope;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wireshark as the reference dissector (Debian package tshark): the unsolicited neighbour
 * advertisement Fulcrum builds is ICMPv6 type 136 with Override set, Solicited clear, our target
 * and link-layer address, and a checksum tshark calls good.
 */
@SystemTest
class TsharkNeighbourAdvertTest {

    @TempDir
    Path directory;

    @Test
    void tsharkDecodesOurNeighbourAdvertisementWithAGoodChecksum() throws Exception {
        Inet6Address source = (Inet6Address) InetAddress.getByName("fe80::1:2");
        Inet6Address target = (Inet6Address) InetAddress.getByName("2001:db8::100");
        byte[] mac = HexFormat.ofDelimiter(":").parseHex("02:00:5e:00:02:3d");
        PcapWriter pcap = new PcapWriter();
        pcap.addIpv6(new IpEnvelope(source, NeighbourAdvert.ALL_NODES, 255), 58,
                NeighbourAdvert.unsolicited(mac, source, target, false));
        pcap.addIpv6(new IpEnvelope(source, NeighbourAdvert.ALL_NODES, 255), 58,
                NeighbourAdvert.unsolicited(mac, source, target, true));
        assertEquals(List.of("136\t1\t0\t0\t2001:db8::100\t02:00:5e:00:02:3d\t1",
                "136\t1\t0\t1\t2001:db8::100\t02:00:5e:00:02:3d\t1"), tshark(pcap));
    }

    private List<String> tshark(PcapWriter pcap) throws IOException, InterruptedException {
        Path file = Files.write(directory.resolve("na.pcap"), pcap.bytes());
        return Tshark.read(file, List.of("-T", "fields", "-e", "icmpv6.type", "-e", "icmpv6.nd.na.flag.o", "-e",
                "icmpv6.nd.na.flag.s", "-e", "icmpv6.nd.na.flag.r", "-e", "icmpv6.nd.na.target_address", "-e",
                "icmpv6.opt.linkaddr", "-e", "icmpv6.checksum.status"));
    }
}
