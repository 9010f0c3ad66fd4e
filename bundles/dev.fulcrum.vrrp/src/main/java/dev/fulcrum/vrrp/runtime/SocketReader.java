package dev.fulcrum.vrrp.runtime;

import dev.fulcrum.vrrp.net.AdvertSocket;
import java.time.Duration;

/** A thread that hands every datagram of one instance's socket to its router until closed. */
final class SocketReader implements AutoCloseable {

    /** How often the thread looks whether it should stop; adverts wake it at once. */
    private static final Duration POLL = Duration.ofMillis(200);

    private final AdvertSocket socket;
    private final PollingThread thread;

    SocketReader(AdvertSocket socket, VrrpRouter router, String name) {
        this.socket = socket;
        this.thread = new PollingThread("vrrp-reader-" + name, POLL,
                timeout -> socket.receive(timeout).ifPresent(d -> router.received(d.envelope(), d.payload())));
    }

    void start() {
        thread.start();
    }

    /** Stops the thread, then closes the socket (never while the thread may still poll its descriptor). */
    @Override
    public void close() {
        thread.stop();
        socket.close();
    }
}
