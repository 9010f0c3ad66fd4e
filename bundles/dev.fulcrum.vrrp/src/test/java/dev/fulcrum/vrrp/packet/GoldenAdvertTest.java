package dev.fulcrum.vrrp.packet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fulcrum.vrrp.packet.ReceiveResult.Accepted;
import dev.fulcrum.vrrp.packet.ReceiveResult.Drop;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Adverts captured from keepalived 2.2.7 (src/test/capture/capture.sh): decode, check fields, re-encode. */
class GoldenAdvertTest {

    private final AdvertCodec codec = new AdvertCodec(false);

    @Test
    void v2WithSimplePassword() throws Exception {
        Advertisement expected = Advertisement.v2(51, 150, 1, addresses("192.0.2.100", "192.0.2.101"),
                AuthData.password("fulcrum"));
        assertGolden("v2-pass-ipv4", expected);
    }

    @Test
    void v2ResignationHasPriorityZero() throws Exception {
        assertGolden("v2-pass-ipv4-priority0", Advertisement.v2(51, 0, 1,
                addresses("192.0.2.100", "192.0.2.101"), AuthData.password("fulcrum")));
    }

    @Test
    void v3OverIpv4WithPseudoHeaderChecksum() throws Exception {
        assertGolden("v3-ipv4", Advertisement.v3(52, 200, 100,
                addresses("198.51.100.10", "198.51.100.11", "198.51.100.12")));
        assertGolden("v3-ipv4-priority0", Advertisement.v3(52, 0, 100,
                addresses("198.51.100.10", "198.51.100.11", "198.51.100.12")));
    }

    @Test
    void v3OverIpv6() throws Exception {
        assertGolden("v3-ipv6", Advertisement.v3(53, 100, 50, addresses("fe80::53", "2001:db8::53")));
        assertGolden("v3-ipv6-priority0", Advertisement.v3(53, 0, 50, addresses("fe80::53", "2001:db8::53")));
    }

    @Test
    void goldenEnvelopesAreWhatTheRfcPrescribes() {
        GoldenAdvert v4 = GoldenAdvert.load("v3-ipv4");
        assertEquals("224.0.0.18", v4.envelope().destination().getHostAddress()); // RFC 5798 section 5.1.1.2
        assertEquals(255, v4.envelope().ttl());
        GoldenAdvert v6 = GoldenAdvert.load("v3-ipv6");
        assertEquals("ff02:0:0:0:0:0:0:12", v6.envelope().destination().getHostAddress()); // section 5.1.2.2
        assertEquals(true, v6.envelope().source().isLinkLocalAddress());
    }

    @Test
    void keepalivedV3Ipv4ChecksumIsNotTheMessageOnlyVariant() {
        GoldenAdvert golden = GoldenAdvert.load("v3-ipv4");
        Drop drop = assertInstanceOf(Drop.class, new AdvertCodec(true).decode(golden.envelope(), golden.payload()));
        assertEquals(DropReason.CHECKSUM, drop.reason());
    }

    @Test
    void v3ChecksumAsV2SumsTheMessageOnly() {
        GoldenAdvert golden = GoldenAdvert.load("v3-ipv4");
        AdvertCodec asV2 = new AdvertCodec(true);
        Accepted accepted = assertInstanceOf(Accepted.class, codec.decode(golden.envelope(), golden.payload()));
        byte[] messageOnly = asV2.encode(accepted.advert(), golden.envelope());
        // Only the checksum differs, and it no longer depends on the IP addresses.
        assertArrayEquals(Arrays.copyOf(golden.payload(), 6), Arrays.copyOf(messageOnly, 6));
        IpEnvelope elsewhere = new IpEnvelope(InetAddress.getLoopbackAddress(), golden.envelope().destination(), 255);
        assertArrayEquals(messageOnly, asV2.encode(accepted.advert(), elsewhere));
        assertInstanceOf(Accepted.class, asV2.decode(golden.envelope(), messageOnly));
        assertInstanceOf(Drop.class, codec.decode(golden.envelope(), messageOnly));
    }

    @Test
    void encodingRefusesAnAdvertTheEnvelopeCannotCarry() throws Exception {
        IpEnvelope v6 = GoldenAdvert.load("v3-ipv6").envelope();
        assertThrows(IllegalArgumentException.class, () -> codec.encode(Advertisement.v2(1, 100, 1,
                addresses("192.0.2.1"), AuthData.ABSENT), v6));
        assertThrows(IllegalArgumentException.class, () -> codec.encode(Advertisement.v3(1, 100, 100,
                addresses("192.0.2.1")), v6));
    }

    private void assertGolden(String name, Advertisement expected) {
        GoldenAdvert golden = GoldenAdvert.load(name);
        Accepted accepted = assertInstanceOf(Accepted.class, codec.decode(golden.envelope(), golden.payload()),
                name);
        assertEquals(expected, accepted.advert(), name);
        assertEquals(List.of(), accepted.notices(), name);
        assertArrayEquals(golden.payload(), codec.encode(expected, golden.envelope()), name);
    }

    static List<InetAddress> addresses(String... literals) throws UnknownHostException {
        InetAddress[] addresses = new InetAddress[literals.length];
        for (int i = 0; i < literals.length; i++) {
            addresses[i] = InetAddress.getByName(literals[i]);
        }
        return List.of(addresses);
    }
}
