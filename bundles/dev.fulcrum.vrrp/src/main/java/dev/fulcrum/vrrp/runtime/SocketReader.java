package dev.fulcrum.vrrp.runtime;

import dev.fulcrum.vrrp.net.AdvertSocket;
import dev.fulcrum.vrrp.net.ReceivedDatagram;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;

/** A thread that hands every datagram of one instance's socket to its router until closed. */
final class SocketReader implements AutoCloseable {

    private static final Logger LOG = System.getLogger(SocketReader.class.getName());
    /** How often the thread looks whether it should stop; adverts wake it at once. */
    private static final Duration POLL = Duration.ofMillis(200);

    private final AdvertSocket socket;
    private final VrrpRouter router;
    private final Thread thread;
    private volatile boolean running = true;

    SocketReader(AdvertSocket socket, VrrpRouter router, String name) {
        this.socket = socket;
        this.router = router;
        this.thread = new Thread(this::run, "vrrp-reader-" + name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                Optional<? extends ReceivedDatagram> datagram = socket.receive(POLL);
                datagram.ifPresent(d -> router.received(d.envelope(), d.payload()));
            } catch (IOException e) {
                if (running) {
                    LOG.log(Level.WARNING, thread.getName() + ": " + e.getMessage());
                    sleepAfterError();
                }
            }
        }
    }

    private void sleepAfterError() {
        try {
            Thread.sleep(POLL.toMillis()); // a persistent error must not spin the CPU
        } catch (InterruptedException e) {
            running = false;
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the thread, then closes the socket (never while the thread may still poll its descriptor). */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(POLL.multipliedBy(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        socket.close();
    }
}
