package dev.fulcrum.syslog.internal;

import dev.fulcrum.syslog.SyslogAddress;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Optional;

/**
 * UDP syslog (RFC 3164 section 6: UDP port 514). The channel stays unconnected, like HAProxy's
 * sendto(): an ICMP port unreachable from an absent collector then cannot turn into an error on the
 * next send. Non-blocking: a full send buffer drops the line.
 */
public final class UdpTransport implements DatagramTransport {

    private final DatagramChannel channel;
    private final InetSocketAddress destination;

    private UdpTransport(DatagramChannel channel, InetSocketAddress destination) {
        this.channel = channel;
        this.destination = destination;
    }

    /** Resolves the host once, here (never on the send path). */
    public static UdpTransport open(SyslogAddress.Udp address) throws IOException {
        InetAddress host = InetAddress.getByName(address.host());
        DatagramChannel channel = DatagramChannel.open(
                host instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        channel.configureBlocking(false);
        return new UdpTransport(channel, new InetSocketAddress(host, address.port()));
    }

    @Override
    public Optional<String> trySend(byte[] datagram) {
        try {
            return channel.send(ByteBuffer.wrap(datagram), destination) == 0
                    ? Optional.of("sendto " + destination + ": socket buffer full")
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.of("sendto " + destination + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a datagram channel has nothing left to flush; the descriptor is released anyway.
        }
    }
}
