package dev.fulcrum.syslog.internal;

import java.util.Optional;

/** A non-blocking datagram socket bound to one destination. */
public interface DatagramTransport extends AutoCloseable {

    /** Sends without waiting; returns why the datagram was not sent, or empty when it was. */
    Optional<String> trySend(byte[] datagram);

    @Override
    void close();
}
