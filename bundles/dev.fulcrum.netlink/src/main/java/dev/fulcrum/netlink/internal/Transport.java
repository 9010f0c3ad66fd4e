package dev.fulcrum.netlink.internal;

import dev.fulcrum.netlink.NetlinkException;
import java.time.Duration;
import java.util.Optional;

/** Datagrams in and out of one netlink socket; the seam between the connection logic and JNA. */
interface Transport extends AutoCloseable {

    /** A datagram and the port id of its sender (0 = the kernel). */
    record Datagram(byte[] bytes, int senderPortId) {
    }

    int portId();

    void send(byte[] datagram) throws NetlinkException;

    /** The next datagram, or empty when none came within {@code timeout}. */
    Optional<Datagram> receive(Duration timeout) throws NetlinkException;

    void joinGroup(int group) throws NetlinkException;

    @Override
    void close();
}
