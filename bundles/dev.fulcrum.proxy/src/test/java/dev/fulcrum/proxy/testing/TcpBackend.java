package dev.fulcrum.proxy.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A blocking loopback TCP server for relay tests: each connection is served on its own thread by
 * the given behaviour. Counts connections and the most it served at once.
 */
public final class TcpBackend implements AutoCloseable {

    @FunctionalInterface
    public interface Behaviour {
        void serve(InputStream in, OutputStream out) throws IOException;
    }

    private final ServerSocket socket;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger maxOpen = new AtomicInteger();

    public TcpBackend(Behaviour behaviour) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    accepted.incrementAndGet();
                    maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                    Thread worker = new Thread(() -> {
                        try (connection) {
                            behaviour.serve(connection.getInputStream(), connection.getOutputStream());
                        } catch (IOException e) {
                            // the client went away; nothing to serve
                        } finally {
                            open.decrementAndGet();
                        }
                    });
                    worker.setDaemon(true);
                    worker.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Reads until the client half-closes, then answers with the byte count and its name. */
    public static Behaviour countUntilEof(String name) {
        return (in, out) -> {
            long total = in.transferTo(OutputStream.nullOutputStream());
            out.write((name + " got " + total).getBytes(StandardCharsets.US_ASCII));
        };
    }

    /** Writes its name and closes. */
    public static Behaviour hello(String name) {
        return (in, out) -> out.write(name.getBytes(StandardCharsets.US_ASCII));
    }

    public int port() {
        return socket.getLocalPort();
    }

    public int accepted() {
        return accepted.get();
    }

    public int maxOpen() {
        return maxOpen.get();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
