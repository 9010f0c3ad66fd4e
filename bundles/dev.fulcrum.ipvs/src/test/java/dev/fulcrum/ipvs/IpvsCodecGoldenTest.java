package dev.fulcrum.ipvs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.model.lvs.Protocol;
import dev.fulcrum.netlink.MalformedMessageException;
import dev.fulcrum.netlink.NetlinkMessage;
import dev.fulcrum.netlink.genl.GenericMessage;
import java.net.InetAddress;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request Fulcrum sends, against the bytes ipvsadm 1.31 sent for the same command to a 6.1
 * kernel (src/test/resources/captures): the trees of the attributes the kernel reads must be equal,
 * in any order ({@link Captures#kernelRead}: ipvsadm pads some requests with attributes the kernel
 * ignores, e.g. the whole service in destination commands).
 */
class IpvsCodecGoldenTest {

    static final IpvsKey.Address TCP80 = tcp("10.0.0.1", 80);

    static Stream<Arguments> serviceRequests() {
        return Stream.of(
                request("01-add-tcp-service.pcap", c -> c.newService(IpvsService.of(TCP80, "rr"))),
                request("02-edit-tcp-service.pcap", c -> c.setService(IpvsService.of(TCP80, "wrr"))),
                request("03-add-udp-service.pcap", c -> c.newService(IpvsService.of(key(Protocol.UDP, "10.0.0.1", 53), "rr"))),
                request("04-edit-udp-service.pcap", c -> c.setService(IpvsService.of(key(Protocol.UDP, "10.0.0.1", 53), "lc"))),
                request("05-add-sctp-service.pcap", c -> c.newService(IpvsService.of(key(Protocol.SCTP, "10.0.0.1", 5060), "wlc"))),
                request("06-edit-sctp-service.pcap", c -> c.setService(IpvsService.of(key(Protocol.SCTP, "10.0.0.1", 5060), "sed"))),
                request("07-add-fwmark-service.pcap", c -> c.newService(IpvsService.of(new IpvsKey.Fwmark(7, false), "lc"))),
                request("08-add-fwmark-ipv6-service.pcap", c -> c.newService(IpvsService.of(new IpvsKey.Fwmark(8, true), "nq"))),
                request("09-add-ipv6-service.pcap", c -> c.newService(IpvsService.of(tcp("2001:db8::1", 443), "mh"))),
                request("10-add-persistent-service.pcap", c -> c.newService(new IpvsService(tcp("10.0.0.2", 80), "rr",
                        IpvsGenl.SVC_F_PERSISTENT, 300, 0xFFFF_FF00L, Optional.empty(), Optional.empty()))),
                request("11-add-sh-flags-service.pcap", c -> c.newService(new IpvsService(tcp("10.0.0.3", 80), "sh",
                        IpvsGenl.SVC_F_SCHED1 | IpvsGenl.SVC_F_SCHED2, 0, 0xFFFF_FFFFL, Optional.empty(), Optional.empty()))),
                request("12-add-sip-pe-service.pcap", c -> c.newService(new IpvsService(key(Protocol.UDP, "10.0.0.4", 5060), "rr",
                        IpvsGenl.SVC_F_PERSISTENT, 60, 0xFFFF_FFFFL, Optional.of("sip"), Optional.empty()))),
                request("41-zero-one-service.pcap", c -> c.zero(Optional.of(TCP80))),
                request("42-zero-all.pcap", c -> c.zero(Optional.empty())),
                request("46-delete-udp-service.pcap", c -> c.deleteService(key(Protocol.UDP, "10.0.0.1", 53))),
                request("47-delete-sctp-service.pcap", c -> c.deleteService(key(Protocol.SCTP, "10.0.0.1", 5060))),
                request("48-delete-fwmark-service.pcap", c -> c.deleteService(new IpvsKey.Fwmark(7, false))),
                request("49-delete-ipv6-service.pcap", c -> c.deleteService(tcp("2001:db8::1", 443))),
                request("50-clear.pcap", IpvsCodec::flush),
                request("28-set-timeouts.pcap", c -> c.setTimeouts(new IpvsTimeouts(900, 120, 300))),
                request("30-start-daemon.pcap", c -> c.newDaemon(new SyncDaemon(SyncDaemon.Role.MASTER, "lo", 5, 0,
                        Optional.empty(), 0, 0))),
                request("44-stop-daemon.pcap", c -> c.deleteDaemon(SyncDaemon.Role.MASTER)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serviceRequests")
    void requestEqualsIpvsadmsAttributeTree(String capture, Function<IpvsCodec, NetlinkMessage> encode) throws Exception {
        NetlinkMessage golden = Captures.onlyRequest(capture);
        NetlinkMessage ours = encode.apply(new IpvsCodec(golden.type()));

        assertEquals(golden.type(), ours.type());
        assertEquals(Captures.kernelRead(golden), Captures.kernelRead(ours));
    }

    static Stream<Arguments> destinationRequests() throws Exception {
        return Stream.of(
                request("15-add-nat-dest.pcap", c -> c.newDestination(TCP80, dest("192.168.1.11", 8080, IpvsForwarding.MASQ, 1))),
                request("16-add-dr-dest.pcap", c -> c.newDestination(TCP80, thresholds(dest("192.168.1.12", 80, IpvsForwarding.ROUTE, 2), 100, 50))),
                request("17-add-tun-dest.pcap", c -> c.newDestination(TCP80, dest("192.168.1.13", 80, IpvsForwarding.TUNNEL, 3))),
                request("18-add-tun-gue-dest.pcap", c -> c.newDestination(TCP80, tunnel(dest("192.168.1.14", 80, IpvsForwarding.TUNNEL, 4),
                        new IpvsTunnel(IpvsTunnel.Type.GUE, 6080, 0)))),
                request("19-add-tun-gre-dest.pcap", c -> c.newDestination(TCP80, tunnel(dest("192.168.1.15", 80, IpvsForwarding.TUNNEL, 5),
                        new IpvsTunnel(IpvsTunnel.Type.GRE, 0, IpvsTunnel.FLAG_CSUM)))),
                request("20-add-udp-nat-dest.pcap", c -> c.newDestination(key(Protocol.UDP, "10.0.0.1", 53),
                        dest("192.168.1.21", 5353, IpvsForwarding.MASQ, 1))),
                request("21-add-sctp-dr-dest.pcap", c -> c.newDestination(key(Protocol.SCTP, "10.0.0.1", 5060),
                        dest("192.168.1.22", 5060, IpvsForwarding.ROUTE, 1))),
                request("22-add-fwmark-dr-dest.pcap", c -> c.newDestination(new IpvsKey.Fwmark(7, false),
                        dest("192.168.1.23", 0, IpvsForwarding.ROUTE, 10))),
                request("23-add-ipv6-nat-dest.pcap", c -> c.newDestination(tcp("2001:db8::1", 443),
                        dest("2001:db8::10", 8443, IpvsForwarding.MASQ, 1))),
                request("24-edit-nat-dest.pcap", c -> c.setDestination(TCP80, thresholds(dest("192.168.1.11", 8080, IpvsForwarding.MASQ, 7), 200, 20))),
                request("25-error-missing-dest.pcap", c -> c.deleteDestination(TCP80, dest("192.168.1.99", 80, IpvsForwarding.MASQ, 0))),
                request("45-delete-dr-dest.pcap", c -> c.deleteDestination(TCP80, dest("192.168.1.12", 80, IpvsForwarding.ROUTE, 0))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("destinationRequests")
    void destinationRequestEqualsIpvsadmsKeyAndDestination(String capture, Function<IpvsCodec, NetlinkMessage> encode)
            throws Exception {
        NetlinkMessage golden = Captures.onlyRequest(capture);
        NetlinkMessage ours = encode.apply(new IpvsCodec(golden.type()));

        assertEquals(Captures.kernelRead(golden), Captures.kernelRead(ours));
        assertEquals(keyOf(golden), keyOf(ours));
    }

    private static IpvsKey keyOf(NetlinkMessage message) throws MalformedMessageException {
        return IpvsReplies.key(GenericMessage.decode(message).attributes()
                .required(IpvsGenl.CMD_ATTR_SERVICE, "service").nestedAttributes());
    }

    static Arguments request(String capture, Function<IpvsCodec, NetlinkMessage> encode) {
        return Arguments.of(capture, encode);
    }

    static IpvsKey.Address tcp(String address, int port) {
        return key(Protocol.TCP, address, port);
    }

    static IpvsKey.Address key(Protocol protocol, String address, int port) {
        return new IpvsKey.Address(protocol, ip(address), port);
    }

    static IpvsDestination dest(String address, int port, IpvsForwarding forwarding, int weight) {
        return IpvsDestination.of(ip(address), port, forwarding, weight);
    }

    static IpvsDestination thresholds(IpvsDestination d, long upper, long lower) {
        return new IpvsDestination(d.address(), d.port(), d.forwarding(), d.weight(), upper, lower, d.tunnel(),
                d.connections(), d.stats());
    }

    static IpvsDestination tunnel(IpvsDestination d, IpvsTunnel tunnel) {
        return new IpvsDestination(d.address(), d.port(), d.forwarding(), d.weight(), d.upperThreshold(),
                d.lowerThreshold(), Optional.of(tunnel), d.connections(), d.stats());
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
