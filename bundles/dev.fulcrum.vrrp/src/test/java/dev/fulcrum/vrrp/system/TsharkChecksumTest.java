package dev.fulcrum.vrrp.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.testing.SystemTest;
import dev.fulcrum.vrrp.packet.AdvertCodec;
import dev.fulcrum.vrrp.packet.Advertisement;
import dev.fulcrum.vrrp.packet.AuthData;
import dev.fulcrum.vrrp.packet.IpEnvelope;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wireshark as the reference dissector (Debian package tshark): adverts Fulcrum encodes are VRRP
 * with the fields we put in and a checksum tshark calls good; with v3_checksum_as_v2 tshark agrees
 * only when told the same ({@code -o vrrp.v3_checksum_as_in_v2:TRUE}).
 */
@SystemTest
class TsharkChecksumTest {

    @TempDir
    Path directory;

    @Test
    void tsharkFindsOurChecksumsGood() throws Exception {
        AdvertCodec codec = new AdvertCodec(false);
        PcapWriter pcap = new PcapWriter();
        for (Sample sample : samples()) {
            pcap.add(sample.envelope(), codec.encode(sample.advert(), sample.envelope()));
        }
        List<String> lines = tshark(pcap, List.of());
        assertEquals(List.of("2\t51\t150\t1", "3\t52\t200\t1", "3\t53\t0\t1", "3\t54\t255\t1"), lines);
    }

    @Test
    void theMessageOnlyChecksumIsGoodOnlyUnderWiresharksV3ChecksumAsV2() throws Exception {
        AdvertCodec codec = new AdvertCodec(true);
        Sample v3 = samples().get(1);
        PcapWriter pcap = new PcapWriter();
        pcap.add(v3.envelope(), codec.encode(v3.advert(), v3.envelope()));
        assertEquals(List.of("3\t52\t200\t0"), tshark(pcap, List.of())); // 0: bad
        assertEquals(List.of("3\t52\t200\t1"), tshark(pcap, List.of("-o", "vrrp.v3_checksum_as_in_v2:TRUE")));
    }

    private record Sample(IpEnvelope envelope, Advertisement advert) {
    }

    private static List<Sample> samples() throws IOException {
        IpEnvelope v4 = new IpEnvelope(InetAddress.getByName("192.0.2.1"), InetAddress.getByName("224.0.0.18"), 255);
        IpEnvelope v6 = new IpEnvelope(InetAddress.getByName("fe80::1"), InetAddress.getByName("ff02::12"), 255);
        IpEnvelope unicast = new IpEnvelope(InetAddress.getByName("192.0.2.1"), InetAddress.getByName("192.0.2.9"),
                255);
        List<InetAddress> vips4 = List.of(InetAddress.getByName("192.0.2.100"), InetAddress.getByName("192.0.2.101"));
        return List.of(new Sample(v4, Advertisement.v2(51, 150, 1, vips4, AuthData.password("fulcrum"))),
                new Sample(v4, Advertisement.v3(52, 200, 100, vips4)),
                new Sample(v6, Advertisement.v3(53, 0, 50, List.of(InetAddress.getByName("fe80::53"),
                        InetAddress.getByName("2001:db8::53")))),
                new Sample(unicast, Advertisement.v3(54, 255, 4095, vips4)));
    }

    private List<String> tshark(PcapWriter pcap, List<String> options) throws IOException, InterruptedException {
        Path file = Files.write(directory.resolve("adverts-" + System.nanoTime() + ".pcap"), pcap.bytes());
        List<String> arguments = new ArrayList<>(options);
        arguments.addAll(List.of("-Y", "vrrp", "-T", "fields", "-e", "vrrp.version", "-e", "vrrp.virt_rtr_id", "-e",
                "vrrp.prio", "-e", "vrrp.checksum.status"));
        return Tshark.read(file, arguments);
    }
}
