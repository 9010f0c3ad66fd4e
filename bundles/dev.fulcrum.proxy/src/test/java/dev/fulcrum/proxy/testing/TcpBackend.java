package dev.fulcrum.proxy.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A blocking loopback TCP server for relay tests: each connection is served on its own thread by
 * the given behaviour. Counts the connections it accepted.
 */
public final class TcpBackend implements AutoCloseable {

    @FunctionalInterface
    public interface Behaviour {
        void serve(InputStream in, OutputStream out) throws IOException;
    }

    private final ServerSocket socket;
    private final AtomicInteger accepted = new AtomicInteger();

    public TcpBackend(Behaviour behaviour) throws IOException {
        this(0, behaviour);
    }

    /** @param port 0 for the kernel's pick; a fixed one to bring a stopped backend back on its address */
    public TcpBackend(int port, Behaviour behaviour) throws IOException {
        socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    accepted.incrementAndGet();
                    Thread worker = new Thread(() -> {
                        try (connection) {
                            behaviour.serve(connection.getInputStream(), connection.getOutputStream());
                        } catch (IOException e) {
                            // the client went away; nothing to serve
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

    /** Sends back what it reads, as it reads it, until the client half-closes. */
    public static Behaviour echo() {
        return (in, out) -> {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
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

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
