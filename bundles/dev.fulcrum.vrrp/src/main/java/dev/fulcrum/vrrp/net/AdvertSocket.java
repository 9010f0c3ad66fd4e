package dev.fulcrum.vrrp.net;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;

/** The raw protocol-112 socket of one VRRP instance, IPv4 ({@link VrrpSocket}) or IPv6 ({@link Vrrp6Socket}). */
public interface AdvertSocket extends AutoCloseable {

    /** Sends one VRRP payload to {@code destination} (the group, or a {@code unicast_peer}). */
    void send(byte[] payload, InetAddress destination) throws IOException;

    /** The next datagram within {@code timeout}; empty when none came or the socket was closed. */
    Optional<? extends ReceivedDatagram> receive(Duration timeout) throws IOException;

    /** The multicast group adverts go to when there are no unicast peers (RFC 5798 sections 5.1.1.2, 5.1.2.2). */
    InetAddress group();

    @Override
    void close();
}
