package dev.fulcrum.proxy.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A slow HTTP server: it reads a request head, then answers only when the test lets it
 * ({@link #answer()}), one request per connection. It records the request lines it got and the
 * most requests it ever held at once, so a test sees what reached it and when.
 */
public final class HoldingBackend implements AutoCloseable {

    private final TcpBackend server;
    private final Semaphore answers = new Semaphore(0);
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final AtomicInteger holding = new AtomicInteger();
    private final AtomicInteger mostHeld = new AtomicInteger();

    public HoldingBackend() throws IOException {
        server = new TcpBackend((in, out) -> {
            String head = HttpBackend.readHead(in);
            if (head == null) {
                return;
            }
            String line = head.substring(0, head.indexOf("\r\n"));
            mostHeld.accumulateAndGet(holding.incrementAndGet(), Math::max);
            requestLines.add(line);
            try {
                answers.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                holding.decrementAndGet();
            }
            String body = "answered " + line;
            out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        });
    }

    public int port() {
        return server.port();
    }

    /** Lets one held (or the next) request be answered. */
    public void answer() {
        answers.release();
    }

    /** The request lines received so far, in arrival order. */
    public List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    /** The most requests held at the same time since the start. */
    public int mostHeld() {
        return mostHeld.get();
    }

    @Override
    public void close() {
        answers.release(1000);
        server.close();
    }
}
