package dev.fulcrum.proxy.http;

import static dev.fulcrum.proxy.testing.Models.backend;
import static dev.fulcrum.proxy.testing.Models.config;
import static dev.fulcrum.proxy.testing.Models.freePort;
import static dev.fulcrum.proxy.testing.Models.frontend;
import static dev.fulcrum.proxy.testing.Models.server;
import static dev.fulcrum.proxy.testing.Models.timeouts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.proxy.Acl;
import dev.fulcrum.api.model.proxy.Backend;
import dev.fulcrum.api.model.proxy.BackendRule;
import dev.fulcrum.api.model.proxy.Condition;
import dev.fulcrum.api.model.proxy.Criterion;
import dev.fulcrum.api.model.proxy.Frontend;
import dev.fulcrum.api.model.proxy.Balance;
import dev.fulcrum.api.model.proxy.ForwardFor;
import dev.fulcrum.api.model.proxy.HttpConnectionMode;
import dev.fulcrum.api.model.proxy.LogSettings;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.api.model.proxy.ProxyOptions;
import dev.fulcrum.api.model.proxy.Server;
import dev.fulcrum.api.model.proxy.Timeouts;
import dev.fulcrum.proxy.service.ProxyRuntime;
import dev.fulcrum.proxy.testing.HttpBackend;
import dev.fulcrum.proxy.testing.Models;
import dev.fulcrum.proxy.testing.RawClient;
import dev.fulcrum.proxy.testing.Resources;
import dev.fulcrum.proxy.testing.TcpBackend;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetric;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code mode http} over real loopback sockets against small independent HTTP servers. */
class HttpProxyTest {

    private static final Timeouts TIMEOUTS = timeouts(Duration.ofSeconds(20), Duration.ofSeconds(20),
            Duration.ofMillis(200));
    private static final String GET = "GET /hello HTTP/1.1\r\nHost: test\r\n\r\n";

    private final Resources resources = new Resources();
    private final int port = freePort();

    private ProxyRuntime runtime() {
        return resources.runtime(true);
    }

    private <T extends AutoCloseable> T keep(T resource) {
        return resources.keep(resource);
    }

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    private ProxyConfig http(Timeouts frontendTimeouts, Backend backend) {
        return config(List.of(frontend("fe", Mode.HTTP, port, backend.name(), frontendTimeouts, 0)), List.of(backend));
    }

    private static Backend httpBackend(Timeouts timeouts, int retries, boolean redispatch, ProxyOptions options,
            List<Server> servers) {
        return new Backend("be", Mode.HTTP, Balance.DEFAULT, servers, Optional.empty(), timeouts, retries, redispatch,
                options, LogSettings.NONE);
    }

    private void start(Backend backend) {
        assertEquals(List.of(), runtime().apply(http(TIMEOUTS, backend)));
    }

    private RawClient client() throws IOException {
        return keep(new RawClient(port));
    }

    @Test
    void balancesRequestsOfNewConnectionsAcrossTwoServers() throws IOException {
        HttpBackend a = keep(new HttpBackend("a"));
        HttpBackend b = keep(new HttpBackend("b"));
        start(backend("be", Mode.HTTP, TIMEOUTS, 3, false, List.of(server("a", a.port()), server("b", b.port()))));

        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            try (RawClient client = new RawClient(port)) {
                bodies.add(client.send(GET).read().body());
            }
        }
        assertEquals(List.of("a 0", "b 0", "a 0", "b 0"), bodies);
    }

    @Test
    void keepsClientsAliveAndReusesServerConnectionsOnlyAfterTheFirstRequest() throws IOException {
        HttpBackend a = keep(new HttpBackend("a"));
        start(backend("be", Mode.HTTP, TIMEOUTS, 3, false, List.of(server("a", a.port()))));

        RawClient first = client();
        for (int i = 0; i < 3; i++) {
            RawClient.Response response = first.send(GET).read();
            assertEquals(200, response.status());
            assertEquals("a 0", response.body());
        }
        assertEquals(1, a.connections(), "one keep-alive client, one server connection, reused");

        // http-reuse safe: a client's first request never takes an idle connection.
        RawClient second = client();
        assertEquals("a 0", second.send(GET).read().body());
        assertEquals(2, a.connections());
        assertEquals("a 3", second.send("POST /x HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabc").read().body());
    }

    @Test
    void noUsableServerIs503WithHaproxysPage() throws IOException {
        Server down = new Server("down", "127.0.0.1", 9, false, Server.DEFAULT_INTER, Server.DEFAULT_INTER,
                Server.DEFAULT_INTER, 2, 3, 1, false, 0, true, Duration.ZERO, false);
        start(backend("be", Mode.HTTP, TIMEOUTS, 3, false, List.of(down)));

        RawClient client = client();
        RawClient.Response response = client.send(GET).read();
        assertEquals(503, response.status());
        assertEquals("<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n"
                + "</body></html>\n", response.body());
        assertTrue(client.closedByPeer());
    }

    @Test
    void connectFailureRetriesThenAnswers503AndRedispatchFindsTheLiveServer() throws IOException {
        int dead = freePort();
        start(backend("be", Mode.HTTP, TIMEOUTS, 1, false, List.of(server("dead", dead))));
        assertEquals(503, client().send(GET).read().status());
    }

    @Test
    void redispatchMovesTheLastRetryToAnotherServer() throws IOException {
        HttpBackend alive = keep(new HttpBackend("alive"));
        start(backend("be", Mode.HTTP, TIMEOUTS, 1, true, List.of(server("dead", freePort()),
                server("alive", alive.port()))));
        for (int i = 0; i < 4; i++) {
            try (RawClient client = new RawClient(port)) {
                assertEquals("alive 0", client.send(GET).read().body(), "request " + i);
            }
        }
    }

    @Test
    void anInvalidResponseIs502() throws IOException {
        TcpBackend garbage = keep(new TcpBackend((in, out) -> {
            in.read();
            out.write("HTTP/1.1 abc nonsense\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            in.read();
        }));
        start(backend("be", Mode.HTTP, TIMEOUTS, 3, false, List.of(server("g", garbage.port()))));
        RawClient.Response response = client().send(GET).read();
        assertEquals(502, response.status());
        assertEquals(ErrorPages.BAD_GATEWAY.text().substring(ErrorPages.BAD_GATEWAY.text().indexOf("<html>")),
                response.body());
    }

    @Test
    void aSilentServerIs504AfterTimeoutServer() throws IOException {
        TcpBackend silent = keep(new TcpBackend((in, out) -> in.transferTo(OutputStreamSink.INSTANCE)));
        Timeouts shortServer = timeouts(Duration.ofSeconds(20), Duration.ofMillis(300), Duration.ofMillis(200));
        start(backend("be", Mode.HTTP, shortServer, 3, false, List.of(server("s", silent.port()))));
        RawClient client = client();
        assertEquals(504, client.send(GET).read().status());
        assertTrue(client.closedByPeer());
    }

    @Test
    void anIncompleteRequestIs408AfterTimeoutHttpRequest() throws IOException {
        HttpBackend a = keep(new HttpBackend("a"));
        Backend be = backend("be", Mode.HTTP, TIMEOUTS, 3, false, List.of(server("a", a.port())));
        assertEquals(List.of(), runtime().apply(http(Models.withHttpRequest(TIMEOUTS, Duration.ofMillis(300)), be)));
        RawClient client = client();
        RawClient.Response response = client.send("GET / HTTP/1.1\r\nHost: slow").read();
        assertEquals(408, response.status());
        assertTrue(client.closedByPeer());
        assertEquals(0, a.connections());
    }

    @Test
    void aStalledUploadIsClosedAfterTimeoutClientNotAnsweredAsAServerTimeout() throws IOException {
        HttpBackend a = keep(new HttpBackend("a"));
        Timeouts shortClient = timeouts(Duration.ofMillis(300), Duration.ofSeconds(20), Duration.ofMillis(200));
        Backend be = backend("be", Mode.HTTP, TIMEOUTS, 3, false, List.of(server("a", a.port())));
        assertEquals(List.of(), runtime().apply(http(shortClient, be)));
        RawClient client = client();
        client.send("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc");
        assertTrue(client.closedByPeer(), "closed without an answer (HAProxy's cD termination)");
    }

    @Test
    void smugglingAttemptsAre400AndNeverReachTheServer() throws IOException {
        HttpBackend a = keep(new HttpBackend("a"));
        start(backend("be", Mode.HTTP, TIMEOUTS, 3, false, List.of(server("a", a.port()))));
        List<String> attacks = List.of(
                "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nContent-Length: 5\r\n\r\nabcde",
                "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: xchunked\r\n\r\n0\r\n\r\n",
                "GET nothing HTTP/1.1\r\nHost: t\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: t\rX: y\r\n\r\n");
        for (String attack : attacks) {
            try (RawClient client = new RawClient(port)) {
                RawClient.Response response = client.send(attack).read();
                assertEquals(400, response.status(), attack);
                assertTrue(client.closedByPeer(), attack);
            }
        }
        assertEquals(0, a.connections());
    }

    @Test
    void forwardforAddsTheClientAddressAndServerCloseClosesTheServerSide() throws IOException {
        HttpBackend a = keep(new HttpBackend("a"));
        ProxyOptions options = new ProxyOptions(Optional.of(new ForwardFor(Optional.empty(), ForwardFor.DEFAULT_HEADER,
                false)), HttpConnectionMode.SERVER_CLOSE);
        start(httpBackend(TIMEOUTS, 3, false, options, List.of(server("a", a.port()))));
        RawClient client = client();
        client.send(GET).read();
        client.send(GET).read();
        String head = a.heads().get(0);
        assertTrue(head.startsWith("GET /hello HTTP/1.1\r\nHost: test\r\n"), head);
        assertTrue(head.contains("\r\nX-Forwarded-For: 127.0.0.1\r\n"), head);
        assertTrue(head.contains("\r\nConnection: close\r\n"), head);
        assertEquals(2, a.connections(), "server-close: a new server connection per request");
    }

    @Test
    void streamsA256MegabyteChunkedUploadWithBoundedPooledMemory() throws IOException {
        ByteBufAllocatorMetric metric = ((ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT).metric();
        AtomicLong peak = new AtomicLong();
        HttpBackend sink = keep(new HttpBackend("sink",
                bytes -> peak.accumulateAndGet(metric.usedDirectMemory() + metric.usedHeapMemory(), Math::max)));
        start(backend("be", Mode.HTTP, TIMEOUTS, 3, false, List.of(server("sink", sink.port()))));

        RawClient client = client();
        client.send("POST /upload HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n");
        byte[] chunk = ("10000\r\n" + "z".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        int chunks = 4096; // 256 MiB
        for (int i = 0; i < chunks; i++) {
            client.output().write(chunk);
        }
        client.send("0\r\n\r\n");

        assertEquals("sink " + (long) chunks * 0x10000, client.read().body());
        System.out.println("256 MiB chunked upload: peak pooled memory " + (peak.get() >> 10) + " KiB");
        assertTrue(peak.get() > 0, "the allocator metric sees the proxy's buffers");
        assertTrue(peak.get() < 32L << 20, "pooled memory stayed under 32 MiB, peak " + (peak.get() >> 20) + " MiB");
    }

    @Test
    void useBackendRoutesByPathAndTheRestGoesToTheDefault() throws IOException {
        HttpBackend app = keep(new HttpBackend("app"));
        HttpBackend statics = keep(new HttpBackend("static"));
        Acl isStatic = new Acl("is_static", Criterion.of(Criterion.Fetch.PATH_BEG), false, List.of("/static/"));
        Frontend fe = frontend("fe", Mode.HTTP, List.of(Models.bind("127.0.0.1", port)), "app", TIMEOUTS, 0,
                List.of(isStatic), List.of(new BackendRule("static", new Condition(false, List.of("is_static")))),
                ProxyOptions.DEFAULT);
        assertEquals(List.of(), runtime().apply(config(List.of(fe), List.of(
                backend("app", Mode.HTTP, TIMEOUTS, 3, false, List.of(server("a", app.port()))),
                backend("static", Mode.HTTP, TIMEOUTS, 3, false, List.of(server("s", statics.port())))))));

        RawClient client = client();
        assertEquals("static 0", client.send("GET /static/x.css HTTP/1.1\r\nHost: t\r\n\r\n").read().body());
        assertEquals("app 0", client.send("GET /index.html HTTP/1.1\r\nHost: t\r\n\r\n").read().body());
        assertEquals("static 0", client.send("GET /static/y.js HTTP/1.0\r\n\r\n").read().body());
        assertTrue(client.closedByPeer(), "an HTTP/1.0 request without keep-alive ends the connection");
    }

    /** Discards what a silent server reads. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }
    }
}
