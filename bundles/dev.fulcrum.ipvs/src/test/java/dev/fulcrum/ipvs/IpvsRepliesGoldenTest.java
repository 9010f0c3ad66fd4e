package dev.fulcrum.ipvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.netlink.AttributeEncoder;
import dev.fulcrum.netlink.ErrorMessage;
import dev.fulcrum.netlink.MalformedMessageException;
import dev.fulcrum.netlink.MessageType;
import dev.fulcrum.netlink.NetlinkErrorException;
import dev.fulcrum.netlink.NetlinkMessage;
import dev.fulcrum.netlink.genl.GenericMessage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The kernel's replies as captured from a 6.1 guest, decoded. */
class IpvsRepliesGoldenTest {

    @Test
    void serviceDumpDecodesEveryServiceOfTheListing() throws Exception {
        List<IpvsService> services = servicesOf("32-list.pcap");

        assertEquals(10, services.size());
        IpvsService persistent = services.stream()
                .filter(s -> s.key().equals(IpvsCodecGoldenTest.tcp("10.0.0.2", 80))).findFirst().orElseThrow();
        assertTrue(persistent.persistent());
        assertEquals(300, persistent.timeout());
        assertEquals(0xFFFF_FF00L, persistent.netmask());
        assertEquals(Optional.of("sip"), services.stream()
                .filter(s -> s.key().equals(IpvsCodecGoldenTest.key(dev.fulcrum.api.model.lvs.Protocol.UDP, "10.0.0.4", 5060)))
                .findFirst().orElseThrow().persistenceEngine());
        assertTrue(services.contains(services.stream().filter(s -> s.key().equals(new IpvsKey.Fwmark(8, true))).findFirst().orElseThrow()));
    }

    @Test
    void destinationDumpCarriesStatsAndTunnelSettings() throws Exception {
        List<IpvsDestination> destinations = destinationsOf("34-list-stats-exact.pcap");

        IpvsDestination traffic = destinations.stream()
                .filter(d -> d.address().equals(IpvsCodecGoldenTest.ip("10.2.0.2"))).findFirst().orElseThrow();
        assertEquals(3, traffic.stats().orElseThrow().connections());
        assertEquals(864, traffic.stats().orElseThrow().inBytes());
        assertEquals(771, traffic.stats().orElseThrow().outBytes());
        IpvsDestination gue = destinations.stream()
                .filter(d -> d.address().equals(IpvsCodecGoldenTest.ip("192.168.1.14"))).findFirst().orElseThrow();
        assertEquals(Optional.of(new IpvsTunnel(IpvsTunnel.Type.GUE, 6080, 0)), gue.tunnel());
        IpvsDestination gre = destinations.stream()
                .filter(d -> d.address().equals(IpvsCodecGoldenTest.ip("192.168.1.15"))).findFirst().orElseThrow();
        assertEquals(Optional.of(new IpvsTunnel(IpvsTunnel.Type.GRE, 0, IpvsTunnel.FLAG_CSUM)), gre.tunnel());
    }

    @Test
    void timeoutsDaemonAndInfoReplies() throws Exception {
        assertEquals(new IpvsTimeouts(900, 120, 300), IpvsReplies.timeouts(Captures.ipvsReplies("29-list-timeout.pcap").stream()
                .filter(m -> command(m) == IpvsGenl.CMD_SET_CONFIG).findFirst().orElseThrow()));
        SyncDaemon daemon = IpvsReplies.daemon(Captures.ipvsReplies("31-list-daemon.pcap").stream()
                .filter(m -> command(m) == IpvsGenl.CMD_NEW_DAEMON).findFirst().orElseThrow());
        assertEquals(SyncDaemon.Role.MASTER, daemon.role());
        assertEquals("lo", daemon.interfaceName());
        assertEquals(5, daemon.syncId());
        assertEquals(1472, daemon.maxlen());
        assertEquals(8848, daemon.port());
        assertEquals(Optional.of(IpvsCodecGoldenTest.ip("224.0.0.81")), daemon.group());
        IpvsInfo info = IpvsReplies.info(Captures.ipvsReplies("32-list.pcap").stream()
                .filter(m -> command(m) == IpvsGenl.CMD_SET_INFO).findFirst().orElseThrow());
        assertEquals("1.2.1", info.versionText());
        assertEquals(4096, info.connectionTableSize());
    }

    @ParameterizedTest
    @CsvSource({"13-error-duplicate-service.pcap, ALREADY_EXISTS", "14-error-unknown-scheduler.pcap, NOT_FOUND",
            "25-error-missing-dest.pcap, NOT_FOUND"})
    void capturedKernelErrorsMapToTypedKinds(String capture, IpvsErrorException.Kind kind) throws Exception {
        NetlinkMessage error = Captures.messages(capture).stream()
                .filter(m -> m.type() == MessageType.ERROR).reduce((a, b) -> b).orElseThrow();
        IpvsErrorException mapped = new IpvsErrorException("test", new NetlinkErrorException("ipvs", ErrorMessage.decode(error)));

        assertEquals(kind, mapped.kind());
    }

    @Test
    void truncatedServiceIsMalformedNotAStackTrace() {
        NetlinkMessage reply = GenericMessage.request(32, IpvsGenl.CMD_NEW_SERVICE, 1, new AttributeEncoder()
                .nested(IpvsGenl.CMD_ATTR_SERVICE, a -> a.u16(IpvsGenl.SVC_ATTR_AF, IpvsGenl.AF_INET)));

        MalformedMessageException e = assertThrows(MalformedMessageException.class, () -> IpvsReplies.service(reply));
        assertTrue(e.getMessage().contains("IPVS_SVC_ATTR_PROTOCOL"), e.getMessage());
    }

    @Test
    void unknownAddressFamilyIsMalformed() {
        NetlinkMessage reply = GenericMessage.request(32, IpvsGenl.CMD_NEW_SERVICE, 1, new AttributeEncoder()
                .nested(IpvsGenl.CMD_ATTR_SERVICE, a -> a.u16(IpvsGenl.SVC_ATTR_AF, 7)));

        assertThrows(MalformedMessageException.class, () -> IpvsReplies.service(reply));
    }

    static List<IpvsService> servicesOf(String capture) throws MalformedMessageException {
        List<IpvsService> services = new java.util.ArrayList<>();
        for (NetlinkMessage m : Captures.ipvsReplies(capture)) {
            if (command(m) == IpvsGenl.CMD_NEW_SERVICE) {
                services.add(IpvsReplies.service(m));
            }
        }
        return services;
    }

    static List<IpvsDestination> destinationsOf(String capture) throws MalformedMessageException {
        List<IpvsDestination> destinations = new java.util.ArrayList<>();
        for (NetlinkMessage m : Captures.ipvsReplies(capture)) {
            if (command(m) == IpvsGenl.CMD_NEW_DEST) {
                destinations.add(IpvsReplies.destination(m, IpvsGenl.AF_INET));
            }
        }
        return destinations;
    }

    static int command(NetlinkMessage message) {
        return Byte.toUnsignedInt(message.payload()[0]);
    }
}
