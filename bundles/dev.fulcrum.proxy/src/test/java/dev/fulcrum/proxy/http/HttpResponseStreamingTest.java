package dev.fulcrum.proxy.http;

import static dev.fulcrum.proxy.testing.Models.backend;
import static dev.fulcrum.proxy.testing.Models.config;
import static dev.fulcrum.proxy.testing.Models.freePort;
import static dev.fulcrum.proxy.testing.Models.frontend;
import static dev.fulcrum.proxy.testing.Models.server;
import static dev.fulcrum.proxy.testing.Models.timeouts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.Timeouts;
import dev.fulcrum.proxy.testing.ChunkedReader;
import dev.fulcrum.proxy.testing.HttpBackend;
import dev.fulcrum.proxy.testing.RawClient;
import dev.fulcrum.proxy.testing.Resources;
import dev.fulcrum.proxy.testing.TcpBackend;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetric;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Responses flowing from servers to clients: framing per client version, back-pressure. */
class HttpResponseStreamingTest {

    private static final Timeouts TIMEOUTS = timeouts(Duration.ofSeconds(20), Duration.ofSeconds(20),
            Duration.ofMillis(500));

    private final Resources resources = new Resources();
    private final int port = freePort();

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    /**
     * A server that reads one request head and writes the given response head, then {@code body},
     * then closes: for responses that end with the connection.
     */
    private void serve(String head, TcpBackend.Behaviour body) throws IOException {
        start(new TcpBackend((in, out) -> {
            if (HttpBackend.readHead(in) != null) {
                answer(head, body, in, out);
            }
        }));
    }

    /**
     * A server that answers the first {@code answered} requests of each connection the same way,
     * keeping the connection alive as its responses promise, and closes without an answer when the
     * next request comes. (A server closing right after a keep-alive response instead races with
     * the proxy reusing the pooled connection: that made this test class flaky.)
     */
    private void serveEach(String head, TcpBackend.Behaviour body, int answered) throws IOException {
        start(new TcpBackend((in, out) -> {
            for (int served = 0; served < answered && HttpBackend.readHead(in) != null; served++) {
                answer(head, body, in, out);
            }
            HttpBackend.readHead(in);
        }));
    }

    private static void answer(String head, TcpBackend.Behaviour body, InputStream in, OutputStream out)
            throws IOException {
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        body.serve(in, out);
        out.flush();
    }

    private void start(TcpBackend backend) {
        TcpBackend server = resources.keep(backend);
        assertEquals(List.of(), resources.runtime(true).apply(config(
                List.of(frontend("fe", Mode.HTTP, port, "be", TIMEOUTS, 0)),
                List.of(backend("be", Mode.HTTP, TIMEOUTS, 3, false, List.of(server("s", server.port())))))));
    }

    private static TcpBackend.Behaviour bytes(String text) {
        return (in, out) -> out.write(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aChunkedResponseIsRechunkedForHttp11AndUnchunkedUntilCloseForHttp10() throws IOException {
        serveEach("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
                bytes("5;x=y\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"), Integer.MAX_VALUE);

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 200 OK\r\n\r\nhello world", all);
        }
        // HTTP/1.1: chunked again, in the proxy's own chunk sizes (its reads decide them).
        RawClient client = resources.keep(new RawClient(port));
        client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n");
        String head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
        assertEquals(head, new String(readExactly(client, head.length()), StandardCharsets.US_ASCII));
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        ChunkedReader.read(client.input(), content, total -> { });
        assertEquals("hello world", content.toString(StandardCharsets.US_ASCII));
        assertEquals(200, client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n").read().status(), "still kept alive");
    }

    @Test
    void aServerClosingAPooledConnectionMakesTheProxyCloseTheClientWithoutAnAnswer() throws IOException {
        // The server answers one request per connection, then reads the next and closes without an
        // answer: the proxy pooled the open connection and sends the client's second request on it.
        serveEach("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n", bytes("ok"), 1);
        RawClient client = resources.keep(new RawClient(port));
        assertEquals(200, client.send("GET /1 HTTP/1.1\r\nHost: t\r\n\r\n").read().status());

        client.send("GET /2 HTTP/1.1\r\nHost: t\r\n\r\n");

        // Not a 502: a client retries a keep-alive request that got no answer (RFC 9112 9.3.1).
        assertTrue(client.closedByPeer(), "closed without a byte");
    }

    @Test
    void aHeadWhoseBodyIsNotThereYetReachesTheClientAtOnce() throws Exception {
        CountDownLatch headSeen = new CountDownLatch(1);
        serve("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n", (in, out) -> {
            out.flush();
            try {
                // The body only once the client has the head: a head held back for it never comes.
                if (headSeen.await(10, TimeUnit.SECONDS)) {
                    out.write("late".getBytes(StandardCharsets.US_ASCII));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        RawClient client = resources.keep(new RawClient(port));
        client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n");
        String head = "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n";
        assertEquals(head, new String(readExactly(client, head.length()), StandardCharsets.US_ASCII));
        headSeen.countDown();
        assertEquals("late", new String(readExactly(client, 4), StandardCharsets.US_ASCII));
    }

    @Test
    void aResponseWithoutLengthEndsWithTheServerConnectionAndTheClientsToo() throws IOException {
        serve("HTTP/1.1 200 OK\r\nX: 1\r\n\r\n", bytes("until close"));
        RawClient client = resources.keep(new RawClient(port));
        client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n");
        byte[] expected = "HTTP/1.1 200 OK\r\nX: 1\r\n\r\nuntil close".getBytes(StandardCharsets.US_ASCII);
        assertEquals(new String(expected, StandardCharsets.US_ASCII),
                new String(readExactly(client, expected.length), StandardCharsets.US_ASCII));
        assertTrue(client.closedByPeer());
    }

    @Test
    void aLargeResponseStreamsToTheClientWithBoundedPooledMemory() throws IOException {
        long size = 128L << 20;
        serve("HTTP/1.1 200 OK\r\nContent-Length: " + size + "\r\n\r\n", (in, out) -> {
            byte[] block = new byte[1 << 16];
            for (long sent = 0; sent < size; sent += block.length) {
                out.write(block);
            }
        });
        ByteBufAllocatorMetric metric = ((ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT).metric();
        long peak = 0;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write("GET /big HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[1 << 16];
            long head = ("HTTP/1.1 200 OK\r\nContent-Length: " + size + "\r\n\r\n").length();
            long total = 0;
            for (int n; total < head + size && (n = in.read(buffer)) > 0; ) {
                total += n;
                peak = Math.max(peak, metric.usedDirectMemory() + metric.usedHeapMemory());
            }
            assertEquals(head + size, total);
        }
        System.out.println("128 MiB response: peak pooled memory " + (peak >> 10) + " KiB");
        assertTrue(peak > 0);
        assertTrue(peak < 32L << 20, "pooled memory stayed under 32 MiB, peak " + (peak >> 20) + " MiB");
    }

    private static byte[] readExactly(RawClient client, int length) throws IOException {
        return client.input().readNBytes(length);
    }
}
