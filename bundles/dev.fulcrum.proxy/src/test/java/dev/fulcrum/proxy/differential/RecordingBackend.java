package dev.fulcrum.proxy.differential;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server behind a proxy under test: keeps the exact bytes of every request it receives (head and
 * body, framing included) and answers each with {@code 200} and body {@code ok}. It frames requests
 * itself (Content-Length or chunked, RFC 9112 section 6) so that it sees what a real server would.
 */
final class RecordingBackend implements AutoCloseable {

    private static final byte[] OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII);
    private static final long QUIET_MILLIS = 100;
    private static final byte[] OK_HEAD = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    /** A request and when its first byte came: a proxy sends a client's next request only after the response. */
    private record Arrival(long nanos, byte[] bytes) {
    }

    private final List<Arrival> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private final AtomicInteger reading = new AtomicInteger();
    private final AtomicLong lastActivity = new AtomicLong(System.nanoTime());

    RecordingBackend() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "recording-backend-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /**
     * The requests received since the last call, in arrival order; clears them. Waits first until no
     * request is half read and nothing happened for a moment: a proxy that answered its client may
     * still have bytes for this server in flight (an accept pending, a head without its body).
     */
    List<byte[]> take() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline
                && (reading.get() > 0 || System.nanoTime() - lastActivity.get() < TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS))) {
            Thread.sleep(10);
        }
        List<byte[]> taken = requests.stream().sorted(Comparator.comparingLong(Arrival::nanos)).map(Arrival::bytes)
                .toList();
        requests.clear();
        return taken;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                lastActivity.set(System.nanoTime());
                connections.add(socket);
                Thread serving = new Thread(() -> serve(socket), "recording-connection");
                serving.setDaemon(true);
                serving.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                ByteArrayOutputStream request = new ByteArrayOutputStream();
                int first = in.read();
                if (first < 0) {
                    return;
                }
                reading.incrementAndGet();
                long arrival = System.nanoTime();
                try {
                    request.write(first);
                    String head = (char) first + readLine(in, request);
                    serveOne(head, in, out, request);
                } finally {
                    requests.add(new Arrival(arrival, request.toByteArray()));
                    lastActivity.set(System.nanoTime());
                    reading.decrementAndGet();
                }
            }
        } catch (IOException | RuntimeException e) {
            // The proxy closed or sent what this server cannot frame; what arrived is recorded.
        }
    }

    private static void serveOne(String head, InputStream in, OutputStream out, ByteArrayOutputStream request)
            throws IOException {
        long length = 0;
        boolean chunked = false;
        for (String line = readLine(in, request); line != null && !line.isEmpty(); line = readLine(in, request)) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:")) {
                chunked = lower.trim().endsWith("chunked");
            }
        }
        if (chunked) {
            readChunked(in, request);
        } else {
            request.write(in.readNBytes((int) length));
        }
        out.write(head.startsWith("HEAD ") ? OK_HEAD : OK);
        out.flush();
    }

    private static void readChunked(InputStream in, ByteArrayOutputStream request) throws IOException {
        while (true) {
            String size = readLine(in, request);
            if (size == null) {
                return;
            }
            int semicolon = size.indexOf(';');
            int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (length == 0) {
                for (String trailer = readLine(in, request); trailer != null && !trailer.isEmpty();
                        trailer = readLine(in, request)) {
                    // trailer fields are recorded, not interpreted
                }
                return;
            }
            request.write(in.readNBytes(length));
            readLine(in, request);
        }
    }

    /** One line without its CRLF (or LF), every byte also copied to {@code record}; null at end of stream. */
    private static String readLine(InputStream in, ByteArrayOutputStream record) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            record.write(b);
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
        return line.length() == 0 ? null : line.toString();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : connections) {
            socket.close();
        }
    }
}
