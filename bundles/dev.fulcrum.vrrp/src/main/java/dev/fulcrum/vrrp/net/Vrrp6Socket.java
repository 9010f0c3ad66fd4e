package dev.fulcrum.vrrp.net;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import dev.fulcrum.vrrp.packet.IpEnvelope;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A raw IPv6 socket of protocol 112 bound to one interface (SO_BINDTODEVICE, socket(7)) and to its
 * link-local address, the source of IPv6 adverts (RFC 5798 section 5.1.2.1). Multicast: member of
 * ff02::12 there (section 5.1.2.2), hop limit 255 (section 5.1.2.3), no loop back. Unicast
 * (keepalived.conf(5) {@code unicast_peer}): bound to {@code unicast_src_ip} instead, with the
 * {@code unicast_ttl}. The kernel hands a raw IPv6 socket only the payload, so the destination,
 * interface and hop limit come from IPV6_PKTINFO and IPV6_HOPLIMIT control messages (RFC 3542).
 * The VRRP checksum is ours (IPV6_CHECKSUM stays off: a kernel check would drop bad adverts uncounted).
 */
public final class Vrrp6Socket implements AdvertSocket {

    /** RFC 5798 section 5.1.2.2: the IPv6 multicast address for VRRP. */
    public static final Inet6Address VRRP_GROUP = Ipv6Datagram.address(new byte[] {(byte) 0xff, 0x02, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0x12});
    private static final int SOCKADDR_IN6_SIZE = 28;
    private static final int MAX_DATAGRAM = 65_535;
    private static final int CONTROL_SIZE = 256;
    /** struct msghdr on LP64: name, namelen(+pad), iov, iovlen, control, controllen, flags(+pad). */
    private static final int MSGHDR_SIZE = 56;
    private static final int IOVEC_SIZE = 16;

    private final NativeCalls calls;
    private final int fd;
    private final String interfaceName;
    private final int interfaceIndex;
    private final Memory name = new Memory(SOCKADDR_IN6_SIZE);
    private final Memory buffer = new Memory(MAX_DATAGRAM);
    private final Memory control = new Memory(CONTROL_SIZE);
    private final Memory iovec = new Memory(IOVEC_SIZE);
    private final Memory message = new Memory(MSGHDR_SIZE);
    private volatile boolean closed;

    private Vrrp6Socket(NativeCalls calls, int fd, String interfaceName, int interfaceIndex) {
        this.calls = calls;
        this.fd = fd;
        this.interfaceName = interfaceName;
        this.interfaceIndex = interfaceIndex;
    }

    /**
     * Opens the multicast socket on {@code interfaceName} ({@code interfaceIndex}) in the network
     * namespace {@code namespaceFile} (empty: ours), sending from {@code linkLocal}, which must be
     * an address of the interface that finished duplicate address detection (EADDRNOTAVAIL otherwise).
     */
    public static Vrrp6Socket open(Optional<Path> namespaceFile, String interfaceName, int interfaceIndex,
            Inet6Address linkLocal) throws IOException {
        NativeCalls calls = new NativeCalls(VrrpLibC.load());
        return calls.inNamespace(namespaceFile, () -> create(calls, interfaceName, interfaceIndex, linkLocal, true,
                IpEnvelope.VRRP_TTL));
    }

    /** Opens a unicast socket bound to {@code source} (an address of this host), sending with hop limit {@code hops}. */
    public static Vrrp6Socket openUnicast(Optional<Path> namespaceFile, String interfaceName, int interfaceIndex,
            Inet6Address source, int hops) throws IOException {
        NativeCalls calls = new NativeCalls(VrrpLibC.load());
        return calls.inNamespace(namespaceFile, () -> create(calls, interfaceName, interfaceIndex, source, false,
                hops));
    }

    private static Vrrp6Socket create(NativeCalls calls, String interfaceName, int interfaceIndex,
            Inet6Address source, boolean multicast, int hops) throws IOException {
        VrrpLibC libc = calls.libc();
        int fd = calls.rawSocketOn(interfaceName, VrrpLibC.AF_INET6, VrrpLibC.IPPROTO_VRRP);
        try {
            bind(calls, fd, source, interfaceIndex);
            if (multicast) {
                byte[] membership = ByteBuffer.allocate(20).put(VRRP_GROUP.getAddress())
                        .order(ByteOrder.nativeOrder()).putInt(interfaceIndex).array();
                calls.set(fd, VrrpLibC.IPPROTO_IPV6, VrrpLibC.IPV6_JOIN_GROUP, membership, "IPV6_JOIN_GROUP ff02::12");
                calls.setInt(fd, VrrpLibC.IPPROTO_IPV6, VrrpLibC.IPV6_MULTICAST_IF, interfaceIndex,
                        "IPV6_MULTICAST_IF");
                calls.setInt(fd, VrrpLibC.IPPROTO_IPV6, VrrpLibC.IPV6_MULTICAST_HOPS, hops, "IPV6_MULTICAST_HOPS");
                calls.setInt(fd, VrrpLibC.IPPROTO_IPV6, VrrpLibC.IPV6_MULTICAST_LOOP, 0, "IPV6_MULTICAST_LOOP");
            }
            calls.setInt(fd, VrrpLibC.IPPROTO_IPV6, VrrpLibC.IPV6_UNICAST_HOPS, hops, "IPV6_UNICAST_HOPS");
            calls.setInt(fd, VrrpLibC.IPPROTO_IPV6, VrrpLibC.IPV6_RECVPKTINFO, 1, "IPV6_RECVPKTINFO");
            calls.setInt(fd, VrrpLibC.IPPROTO_IPV6, VrrpLibC.IPV6_RECVHOPLIMIT, 1, "IPV6_RECVHOPLIMIT");
            return new Vrrp6Socket(calls, fd, interfaceName, interfaceIndex);
        } catch (IOException | RuntimeException e) {
            libc.close(fd);
            throw e;
        }
    }

    /** bind(2) to {@code source}; a link-local one needs the interface as its scope (ipv6(7)). */
    static void bind(NativeCalls calls, int fd, Inet6Address source, int interfaceIndex) throws IOException {
        byte[] local = sockaddrIn6(source, interfaceIndex);
        if (calls.libc().bind(fd, local, local.length) != 0) {
            throw calls.failure("bind " + source.getHostAddress() + " (a tentative address cannot be bound until"
                    + " duplicate address detection ends)");
        }
    }

    @Override
    public InetAddress group() {
        return VRRP_GROUP;
    }

    @Override
    public void send(byte[] payload, InetAddress destination) throws IOException {
        if (!(destination instanceof Inet6Address ipv6)) {
            throw new IllegalArgumentException("not an IPv6 destination: " + destination.getHostAddress());
        }
        byte[] sockaddr = sockaddrIn6(ipv6, interfaceIndex);
        if (calls.libc().sendto(fd, payload, payload.length, 0, sockaddr, sockaddr.length) < 0) {
            throw calls.failure("sendto " + destination.getHostAddress() + " on " + interfaceName);
        }
    }

    /**
     * The next datagram within {@code timeout}; empty when none came, the socket was closed, the
     * control messages were missing, or it arrived on another interface than ours.
     */
    @Override
    public Optional<Ipv6Datagram> receive(Duration timeout) throws IOException {
        if (closed || !calls.readable(fd, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis())) || closed) {
            return Optional.empty();
        }
        iovec.setPointer(0, buffer);
        iovec.setLong(8, MAX_DATAGRAM);
        message.clear();
        message.setPointer(0, name);
        message.setInt(8, SOCKADDR_IN6_SIZE);
        message.setPointer(16, iovec);
        message.setLong(24, 1);
        message.setPointer(32, control);
        message.setLong(40, CONTROL_SIZE);
        long length = calls.libc().recvmsg(fd, message, 0);
        if (length < 0) {
            if (Native.getLastError() == VrrpLibC.EAGAIN) {
                return Optional.empty();
            }
            throw calls.failure("recvmsg on " + interfaceName);
        }
        byte[] source = name.getByteArray(8, 16); // sockaddr_in6.sin6_addr
        int controlLength = (int) Math.min(CONTROL_SIZE, message.getLong(40));
        return Ipv6Datagram.parse(source, control.getByteArray(0, controlLength), controlLength,
                buffer.getByteArray(0, (int) length)).filter(d -> d.interfaceIndex() == interfaceIndex);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            calls.libc().close(fd);
        }
    }

    /**
     * struct sockaddr_in6 (linux/in6.h): family (host order), port 0 (raw(7) ignores it), flow info,
     * the address, and the scope id: {@code interfaceIndex} for link-local and link-scope multicast
     * addresses, which need it, 0 for others.
     */
    static byte[] sockaddrIn6(Inet6Address address, int interfaceIndex) {
        boolean linkScope = address.isLinkLocalAddress() || address.isMCLinkLocal();
        return ByteBuffer.allocate(SOCKADDR_IN6_SIZE).order(ByteOrder.nativeOrder())
                .putShort((short) VrrpLibC.AF_INET6).putShort((short) 0).putInt(0).put(address.getAddress())
                .putInt(linkScope ? interfaceIndex : 0).array();
    }
}
