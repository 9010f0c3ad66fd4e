package dev.fulcrum.proxy.http;

import static dev.fulcrum.proxy.testing.Models.backend;
import static dev.fulcrum.proxy.testing.Models.config;
import static dev.fulcrum.proxy.testing.Models.freePort;
import static dev.fulcrum.proxy.testing.Models.frontend;
import static dev.fulcrum.proxy.testing.Models.server;
import static dev.fulcrum.proxy.testing.Models.timeouts;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.Timeouts;
import dev.fulcrum.proxy.testing.ChunkedReader;
import dev.fulcrum.proxy.testing.HttpBackend;
import dev.fulcrum.proxy.testing.RawClient;
import dev.fulcrum.proxy.testing.Resources;
import dev.fulcrum.proxy.testing.TcpBackend;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Chunked trailer fields (RFC 9112 7.1.2) streamed through the proxy in both directions. */
class HttpTrailersTest {

    private static final Timeouts TIMEOUTS = timeouts(Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(5));
    private static final String RESPONSE = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTrailer: Server-Timing\r\n\r\n"
            + "5\r\nhello\r\n0\r\nServer-Timing: db;dur=53\r\n\r\n";

    private final Resources resources = new Resources();
    private final int port = freePort();
    /** What the server read of each request's body: its content, then its trailer lines. */
    private final List<String> serverSaw = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        TcpBackend server = resources.keep(new TcpBackend((in, out) -> {
            String head = HttpBackend.readHead(in);
            if (head == null) {
                return;
            }
            if (head.contains("chunked")) {
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                List<String> trailers = new ArrayList<>();
                ChunkedReader.read(in, content, total -> { }, trailers);
                serverSaw.add(content.toString(StandardCharsets.US_ASCII));
                serverSaw.addAll(trailers);
            }
            out.write(RESPONSE.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }));
        assertEquals(List.of(), resources.runtime(true).apply(config(List.of(frontend("fe", Mode.HTTP, port, "be", TIMEOUTS, 0)),
                List.of(backend("be", Mode.HTTP, TIMEOUTS, 3, false, List.of(server("s", server.port())))))));
    }

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    @Test
    void aChunkedRequestsTrailersReachTheServerAndAChunkedResponsesTrailersReachTheClient() throws IOException {
        RawClient client = resources.keep(new RawClient(port));
        client.send("POST /upload HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nTrailer: Checksum\r\n\r\n"
                + "3\r\nabc\r\n3;ext=1\r\ndef\r\n0\r\nChecksum: sha-256=:x:\r\nX-Other: 2\r\n\r\n");

        String head = HttpBackend.readHead(client.input());
        assertEquals("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTrailer: Server-Timing\r\n\r\n", head);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        List<String> trailers = new ArrayList<>();
        ChunkedReader.read(client.input(), content, total -> { }, trailers);

        assertEquals("hello", content.toString(StandardCharsets.US_ASCII));
        assertEquals(List.of("Server-Timing: db;dur=53"), trailers);
        assertEquals(List.of("abcdef", "Checksum: sha-256=:x:", "X-Other: 2"), serverSaw);
    }

    @Test
    void anHttp10ClientGetsTheContentWithoutTheTrailers() throws IOException {
        RawClient client = resources.keep(new RawClient(port));
        client.send("GET / HTTP/1.0\r\n\r\n");

        String all = new String(client.input().readAllBytes(), StandardCharsets.US_ASCII);

        assertEquals("HTTP/1.1 200 OK\r\nTrailer: Server-Timing\r\n\r\nhello", all);
    }
}
