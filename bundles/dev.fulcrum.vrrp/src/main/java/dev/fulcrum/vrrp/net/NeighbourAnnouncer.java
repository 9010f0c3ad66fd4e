package dev.fulcrum.vrrp.net;

import java.io.IOException;
import java.net.Inet6Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Sends unsolicited neighbour advertisements ({@link NeighbourAdvert}) on one interface through a
 * raw ICMPv6 socket (icmp6(7) has none, raw(7) and RFC 3542 section 3 apply): bound to the
 * interface and its link-local address, hop limit 255 to ff02::1. It never reads: an ICMP6_FILTER
 * blocking every type keeps the kernel from queueing the segment's ICMPv6 traffic on it.
 */
public final class NeighbourAnnouncer implements AutoCloseable {

    /** struct icmp6_filter (linux/icmpv6.h): 256 bits, a set bit blocks that type. */
    private static final int FILTER_SIZE = 32;

    private final NativeCalls calls;
    private final int fd;
    private final int interfaceIndex;
    private final byte[] mac;
    private final Inet6Address source;
    private final boolean router;

    private NeighbourAnnouncer(NativeCalls calls, int fd, int interfaceIndex, byte[] mac, Inet6Address source,
            boolean router) {
        this.calls = calls;
        this.fd = fd;
        this.interfaceIndex = interfaceIndex;
        this.mac = mac;
        this.source = source;
        this.router = router;
    }

    /**
     * @param hardwareAddress the interface's MAC as "aa:bb:cc:dd:ee:ff"
     * @param linkLocal       the interface's link-local address, the advertisements' source (RFC 4861 section 7.2.2)
     */
    public static NeighbourAnnouncer open(Optional<Path> namespaceFile, String interfaceName, int interfaceIndex,
            String hardwareAddress, Inet6Address linkLocal) throws IOException {
        byte[] mac = ArpFrame.parseMac(hardwareAddress);
        NativeCalls calls = new NativeCalls(VrrpLibC.load());
        return calls.inNamespace(namespaceFile, () -> {
            VrrpLibC libc = calls.libc();
            int fd = calls.rawSocketOn(interfaceName, VrrpLibC.AF_INET6, VrrpLibC.IPPROTO_ICMPV6);
            try {
                byte[] blockAll = new byte[FILTER_SIZE];
                Arrays.fill(blockAll, (byte) 0xff);
                calls.set(fd, VrrpLibC.IPPROTO_ICMPV6, VrrpLibC.ICMP6_FILTER, blockAll, "ICMP6_FILTER");
                Vrrp6Socket.bind(calls, fd, linkLocal, interfaceIndex);
                calls.setInt(fd, VrrpLibC.IPPROTO_IPV6, VrrpLibC.IPV6_MULTICAST_IF, interfaceIndex, "IPV6_MULTICAST_IF");
                calls.setInt(fd, VrrpLibC.IPPROTO_IPV6, VrrpLibC.IPV6_MULTICAST_HOPS, 255, "IPV6_MULTICAST_HOPS");
                return new NeighbourAnnouncer(calls, fd, interfaceIndex, mac, linkLocal, forwards(interfaceName));
            } catch (IOException | RuntimeException e) {
                libc.close(fd);
                throw e;
            }
        });
    }

    /**
     * ip-sysctl: net.ipv6.conf.IF.forwarding of the namespace this thread is in (the VRRP socket
     * thread joined it); unreadable counts as a host.
     */
    private static boolean forwards(String interfaceName) {
        try {
            return Files.readString(Path.of("/proc/sys/net/ipv6/conf", interfaceName, "forwarding")).strip()
                    .equals("1");
        } catch (IOException e) {
            return false;
        }
    }

    /** One unsolicited neighbour advertisement for {@code address}. */
    public void announce(Inet6Address address) throws IOException {
        byte[] message = NeighbourAdvert.unsolicited(mac, source, address, router);
        byte[] sockaddr = Vrrp6Socket.sockaddrIn6(NeighbourAdvert.ALL_NODES, interfaceIndex);
        if (calls.libc().sendto(fd, message, message.length, 0, sockaddr, sockaddr.length) < 0) {
            throw calls.failure("sendto neighbour advertisement for " + address.getHostAddress());
        }
    }

    @Override
    public void close() {
        calls.libc().close(fd);
    }
}
