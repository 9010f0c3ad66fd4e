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
import dev.fulcrum.proxy.testing.GeneratedBody;
import dev.fulcrum.proxy.testing.HttpBackend;
import dev.fulcrum.proxy.testing.PooledMemoryPeak;
import dev.fulcrum.proxy.testing.RawClient;
import dev.fulcrum.proxy.testing.Resources;
import dev.fulcrum.proxy.testing.TcpBackend;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 5, "a 1 GiB chunked body streamed with bounded memory", in both directions over real
 * loopback sockets: the body is generated while it is sent and checked (length and CRC-32) while
 * it is received, so neither end nor the proxy could hold it, and the proxy's pooled memory is
 * sampled all along. On both transports: the native epoll one and its NIO fallback.
 */
class GibibyteBodyStreamingTest {

    private static final long GIBIBYTE = 1L << 30;
    private static final int STREAM_BUFFER = 1 << 16;
    private static final Timeouts TIMEOUTS = timeouts(Duration.ofSeconds(30), Duration.ofSeconds(30),
            Duration.ofMillis(500));
    private static final String CHUNKED_OK = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";

    /**
     * What the proxy may hold per direction: its reader stops reading ahead at
     * {@link HttpReader#READ_AHEAD_BYTES}, but one read round of Netty's channel can bring up to
     * 16 reads (ChannelConfig maxMessagesPerRead) of up to 64 KiB (AdaptiveRecvByteBufAllocator's
     * maximum) on top of it, and the next round only starts once the previous piece is written.
     */
    private static final long READ_ROUND = HttpReader.READ_AHEAD_BYTES + 16L * 65536;
    /**
     * The reader's buffer of one read round plus the merged copy it makes while a slice of the old
     * one is still being written: two read rounds live at most; doubled again because the allocator
     * counts whole chunks (at least 128 KiB, sized for 8 buffers), not the bytes in use; that makes
     * about 4 MiB, and twice that again because under a load of 11 one run grew by 6.1 MiB (the
     * writes lag the reads longer, and an event loop may take a fresh chunk before its cache's old
     * one is freed). About 8 MiB: a proxy buffering the body would pass it within the first 0.8 %
     * of the gibibyte.
     */
    private static final long BOUND = 8 * READ_ROUND;

    private final Resources resources = new Resources();
    private final int port = freePort();
    private final GeneratedBody body = new GeneratedBody(GIBIBYTE, 5);

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    private void start(boolean epoll, TcpBackend.Behaviour behaviour) throws IOException {
        TcpBackend server = resources.keep(new TcpBackend(behaviour));
        assertEquals(List.of(), resources.runtime(epoll).apply(config(
                List.of(frontend("fe", Mode.HTTP, port, "be", TIMEOUTS, 0)),
                List.of(backend("be", Mode.HTTP, TIMEOUTS, 3, false, List.of(server("s", server.port())))))));
    }

    @ParameterizedTest(name = "epoll={0}")
    @ValueSource(booleans = {true, false})
    void aGibibyteChunkedRequestReachesTheServerIntactWithBoundedPooledMemory(boolean epoll) throws IOException {
        PooledMemoryPeak memory = new PooledMemoryPeak();
        start(epoll, (in, out) -> {
            InputStream buffered = new BufferedInputStream(in, STREAM_BUFFER);
            String head = HttpBackend.readHead(buffered);
            if (head == null) {
                return;
            }
            GeneratedBody.Checksum received = new GeneratedBody.Checksum();
            ChunkedReader.read(buffered, received, total -> memory.sample());
            // The server answers what it got: the content length and its CRC-32.
            String text = received.count() + " " + Long.toHexString(received.value());
            out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + text.length() + "\r\n\r\n" + text)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        });
        RawClient client = resources.keep(new RawClient(port));
        long started = System.nanoTime();

        client.send("POST /upload HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n");
        long sent = body.writeChunked(new BufferedOutputStream(client.output(), STREAM_BUFFER));
        RawClient.Response response = client.read();

        report("request", epoll, started, memory);
        assertEquals(200, response.status());
        assertEquals(GIBIBYTE + " " + Long.toHexString(sent), response.body());
        assertBounded(memory);
    }

    @ParameterizedTest(name = "epoll={0}")
    @ValueSource(booleans = {true, false})
    void aGibibyteChunkedResponseReachesTheClientIntactWithBoundedPooledMemory(boolean epoll) throws Exception {
        CompletableFuture<Long> served = new CompletableFuture<>();
        start(epoll, (in, out) -> {
            if (HttpBackend.readHead(in) == null) {
                return;
            }
            OutputStream buffered = new BufferedOutputStream(out, STREAM_BUFFER);
            buffered.write(CHUNKED_OK.getBytes(StandardCharsets.US_ASCII));
            served.complete(body.writeChunked(buffered));
        });
        RawClient client = resources.keep(new RawClient(port));
        PooledMemoryPeak memory = new PooledMemoryPeak();
        long started = System.nanoTime();

        client.send("GET /download HTTP/1.1\r\nHost: t\r\n\r\n");
        InputStream in = new BufferedInputStream(client.input(), STREAM_BUFFER);
        String head = HttpBackend.readHead(in);
        GeneratedBody.Checksum received = new GeneratedBody.Checksum();
        long length = ChunkedReader.read(in, received, total -> memory.sample());

        report("response", epoll, started, memory);
        assertEquals(CHUNKED_OK, head);
        assertEquals(GIBIBYTE, length);
        assertEquals(GIBIBYTE, received.count());
        assertEquals(Long.toHexString(served.get(30, TimeUnit.SECONDS)), Long.toHexString(received.value()));
        assertBounded(memory);
    }

    private static void assertBounded(PooledMemoryPeak memory) {
        assertTrue(memory.peak() > 0, "the allocator metric sees the proxy's buffers");
        assertTrue(memory.growth() < BOUND, "pooled memory grew by " + (memory.growth() >> 10)
                + " KiB, bound " + (BOUND >> 10) + " KiB (read round " + (READ_ROUND >> 10) + " KiB)");
    }

    private static void report(String direction, boolean epoll, long started, PooledMemoryPeak memory) {
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("1 GiB chunked %s (%s): %.1f s (%.0f MiB/s), pooled memory baseline %d KiB,"
                + " peak %d KiB, growth %d KiB%n", direction, epoll ? "epoll" : "nio", seconds, 1024 / seconds,
                memory.baseline() >> 10, memory.peak() >> 10, memory.growth() >> 10);
    }
}
