package dev.fulcrum.syslog;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Predicate;

/** A UDP syslog collector on 127.0.0.1, as rsyslog's imudp would be. */
public final class UdpReceiver implements AutoCloseable {

    private final DatagramSocket socket;

    public UdpReceiver() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(10_000);
    }

    public int port() {
        return socket.getLocalPort();
    }

    public byte[] receive() throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[65536], 65536);
        socket.receive(packet);
        return Arrays.copyOf(packet.getData(), packet.getLength());
    }

    /** The first datagram (as UTF-8) matching {@code wanted}; others (start-up notices) are skipped. */
    public String receive(Predicate<String> wanted) throws IOException {
        while (true) {
            String datagram = new String(receive(), StandardCharsets.UTF_8);
            if (wanted.test(datagram)) {
                return datagram;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
