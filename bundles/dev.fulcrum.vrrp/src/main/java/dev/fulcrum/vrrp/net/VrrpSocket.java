package dev.fulcrum.vrrp.net;

import com.sun.jna.Native;
import dev.fulcrum.vrrp.packet.IpEnvelope;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A raw IPv4 socket of protocol 112 bound to one interface (SO_BINDTODEVICE, socket(7)). Multicast:
 * member of 224.0.0.18 there (RFC 5798 section 5.1.1.2), sending with TTL 255 (section 5.1.1.3)
 * and without looping its own multicast back. Unicast (keepalived.conf(5) {@code unicast_peer}):
 * bound to the source address ({@code unicast_src_ip}), so the kernel sends from it and hands us
 * only packets addressed to it (raw(7)), with the {@code unicast_ttl}. A raw IPv4 socket receives
 * the IP header, so no IP_PKTINFO is needed: source, destination and TTL come from the header, the
 * interface from the binding.
 */
public final class VrrpSocket implements AdvertSocket {

    /** RFC 5798 section 5.1.1.2: the IPv4 multicast address for VRRP. */
    public static final InetAddress VRRP_GROUP = address(new byte[] {(byte) 224, 0, 0, 18});
    private static final int MAX_DATAGRAM = 65_535;

    private final NativeCalls calls;
    private final int fd;
    private final String interfaceName;
    private final byte[] receiveBuffer = new byte[MAX_DATAGRAM];
    private volatile boolean closed;

    private VrrpSocket(NativeCalls calls, int fd, String interfaceName) {
        this.calls = calls;
        this.fd = fd;
        this.interfaceName = interfaceName;
    }

    /**
     * Opens the socket on {@code interfaceName} (index {@code interfaceIndex}) in the network namespace
     * {@code namespaceFile} (empty: ours); {@code primaryAddress} is the source of its multicast adverts.
     * Without CAP_NET_RAW this fails with EPERM in the message.
     */
    public static VrrpSocket open(Optional<Path> namespaceFile, String interfaceName, int interfaceIndex,
            Inet4Address primaryAddress) throws IOException {
        NativeCalls calls = new NativeCalls(VrrpLibC.load());
        return calls.inNamespace(namespaceFile, () -> create(calls, interfaceName, interfaceIndex, primaryAddress));
    }

    /**
     * Opens a unicast socket on {@code interfaceName}, bound to {@code sourceAddress} (which must be
     * an address of this host: EADDRNOTAVAIL otherwise), sending with TTL {@code ttl}.
     */
    public static VrrpSocket openUnicast(Optional<Path> namespaceFile, String interfaceName,
            Inet4Address sourceAddress, int ttl) throws IOException {
        NativeCalls calls = new NativeCalls(VrrpLibC.load());
        return calls.inNamespace(namespaceFile, () -> {
            int fd = calls.rawSocketOn(interfaceName, VrrpLibC.AF_INET, VrrpLibC.IPPROTO_VRRP);
            try {
                byte[] local = sockaddrIn(sourceAddress);
                if (calls.libc().bind(fd, local, local.length) != 0) {
                    throw calls.failure("bind unicast_src_ip " + sourceAddress.getHostAddress());
                }
                calls.setInt(fd, VrrpLibC.IPPROTO_IP, VrrpLibC.IP_TTL, ttl, "IP_TTL (unicast_ttl)");
                return new VrrpSocket(calls, fd, interfaceName);
            } catch (IOException | RuntimeException e) {
                calls.libc().close(fd);
                throw e;
            }
        });
    }

    private static VrrpSocket create(NativeCalls calls, String interfaceName, int interfaceIndex,
            Inet4Address primaryAddress) throws IOException {
        VrrpLibC libc = calls.libc();
        int fd = calls.rawSocketOn(interfaceName, VrrpLibC.AF_INET, VrrpLibC.IPPROTO_VRRP);
        try {
            byte[] membership = ipMreqn(VRRP_GROUP, primaryAddress, interfaceIndex);
            calls.set(fd, VrrpLibC.IPPROTO_IP, VrrpLibC.IP_ADD_MEMBERSHIP, membership, "IP_ADD_MEMBERSHIP 224.0.0.18");
            // ip(7) IP_MULTICAST_IF with struct ip_mreqn: the interface and source of our multicast.
            calls.set(fd, VrrpLibC.IPPROTO_IP, VrrpLibC.IP_MULTICAST_IF, ipMreqn(address(new byte[4]), primaryAddress,
                    interfaceIndex), "IP_MULTICAST_IF " + interfaceName);
            calls.setInt(fd, VrrpLibC.IPPROTO_IP, VrrpLibC.IP_MULTICAST_TTL, IpEnvelope.VRRP_TTL, "IP_MULTICAST_TTL");
            calls.setInt(fd, VrrpLibC.IPPROTO_IP, VrrpLibC.IP_TTL, IpEnvelope.VRRP_TTL, "IP_TTL");
            calls.setInt(fd, VrrpLibC.IPPROTO_IP, VrrpLibC.IP_MULTICAST_LOOP, 0, "IP_MULTICAST_LOOP");
            return new VrrpSocket(calls, fd, interfaceName);
        } catch (IOException | RuntimeException e) {
            libc.close(fd);
            throw e;
        }
    }

    @Override
    public InetAddress group() {
        return VRRP_GROUP;
    }

    /** Sends one VRRP payload to {@code destination} (the group, or a {@code unicast_peer}); the kernel adds the IP header. */
    @Override
    public void send(byte[] payload, InetAddress destination) throws IOException {
        byte[] sockaddr = sockaddrIn(destination);
        long sent = calls.libc().sendto(fd, payload, payload.length, 0, sockaddr, sockaddr.length);
        if (sent < 0) {
            throw calls.failure("sendto " + destination.getHostAddress() + " on " + interfaceName);
        }
    }

    /**
     * The next datagram within {@code timeout}; empty when none came, the socket was closed, or the
     * datagram was not a whole IPv4 packet (which the kernel never hands a raw socket).
     */
    @Override
    public Optional<Ipv4Datagram> receive(Duration timeout) throws IOException {
        if (closed || !calls.readable(fd, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis())) || closed) {
            return Optional.empty();
        }
        long length = calls.libc().recvfrom(fd, receiveBuffer, receiveBuffer.length, 0, null, null);
        if (length < 0) {
            if (Native.getLastError() == VrrpLibC.EAGAIN) {
                return Optional.empty();
            }
            throw calls.failure("recvfrom on " + interfaceName);
        }
        return Ipv4Datagram.parse(receiveBuffer, (int) length);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            calls.libc().close(fd);
        }
    }

    /** struct ip_mreqn (linux/in.h): imr_multiaddr, imr_address, imr_ifindex. */
    private static byte[] ipMreqn(InetAddress group, InetAddress local, int interfaceIndex) {
        return ByteBuffer.allocate(12).put(group.getAddress()).put(local.getAddress())
                .order(ByteOrder.nativeOrder()).putInt(interfaceIndex).array();
    }

    /** struct sockaddr_in (linux/in.h): family in host order, port 0 (raw(7) ignores it), the address, 8 zero bytes. */
    private static byte[] sockaddrIn(InetAddress destination) {
        if (!(destination instanceof Inet4Address)) {
            throw new IllegalArgumentException("not an IPv4 destination: " + destination.getHostAddress());
        }
        return ByteBuffer.allocate(16).order(ByteOrder.nativeOrder()).putShort((short) VrrpLibC.AF_INET)
                .putShort((short) 0).put(destination.getAddress()).array();
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
