package dev.fulcrum.proxy.log;

import static dev.fulcrum.proxy.testing.Models.frontend;
import static dev.fulcrum.proxy.testing.Models.timeouts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.fulcrum.api.model.proxy.Frontend;
import dev.fulcrum.api.model.proxy.LogFormat;
import dev.fulcrum.api.model.proxy.LogSettings;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.config.haproxy.model.HaproxyConfigs;
import dev.fulcrum.proxy.http.Headers;
import dev.fulcrum.proxy.http.HttpFrontend;
import dev.fulcrum.proxy.log.LogFixtures.IpChannel;
import dev.fulcrum.proxy.log.LogFixtures.ManualClock;
import dev.fulcrum.proxy.log.LogFixtures.RecordingSink;
import dev.fulcrum.proxy.net.ConnectionGate;
import dev.fulcrum.proxy.pool.BackendPool;
import dev.fulcrum.proxy.pool.ServerConnector;
import dev.fulcrum.proxy.route.FrontendContext;
import dev.fulcrum.proxy.route.Router;
import dev.fulcrum.proxy.testing.Models;
import dev.fulcrum.proxy.testing.RoundRobinRegistry;
import dev.fulcrum.syslog.Severity;
import dev.fulcrum.syslog.logformat.TerminationCause;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The facts an http-mode session hands to its log, on an EmbeddedChannel with a frozen clock: the
 * answers the proxy makes without reaching a server (400, 408, 503 with no usable server), an empty
 * connection with and without {@code option dontlognull}, the default-format connect line, and a
 * request dropped as HAProxy drops one the client must retry.
 */
class HttpExchangeLogTest {

    private final ManualClock clock = new ManualClock();
    private final RecordingSink sink = new RecordingSink();
    private final ConnectionGate gate = new ConnectionGate(10);
    private final BackendPool empty = BackendPool.open(new RoundRobinRegistry(), clock,
            Models.backend("be", Mode.HTTP, timeouts(null, null, null), 3, false, List.of()), Map.of());
    private EmbeddedChannel channel;

    @AfterEach
    void closePool() {
        empty.close();
    }

    private EmbeddedChannel accept(LogFormat format, boolean dontLogNull) {
        return accept(LogFixtures.log("fe", Mode.HTTP, format, dontLogNull, sink, clock, gate::inUse));
    }

    private EmbeddedChannel accept(FrontendLog log) {
        Frontend config = frontend("fe", Mode.HTTP, 80, "be",
                Models.withHttpRequest(timeouts(Duration.ofSeconds(30), null, null), Duration.ofSeconds(5)), 0);
        HttpFrontend frontend = new HttpFrontend(new FrontendContext(config, new Router(config),
                name -> Optional.of(empty), new ServerConnector(null), gate, log));
        channel = new IpChannel();
        channel.freezeTime();
        frontend.accept(channel);
        return channel;
    }

    private void send(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
    }

    /** Closes the client side; what the proxy wrote to the client is released unread. */
    private void finish() {
        channel.close();
        for (Object out; (out = channel.readOutbound()) != null; ) {
            ReferenceCountUtil.release(out);
        }
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void aMalformedRequestIsLoggedAsAProxyRejectionOfTheRequest() {
        accept(LogFormat.HTTP, false);
        clock.advance(2);
        send("POST / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n");
        finish();
        // haproxy 2.6.12 logs %B 0 and no request line for a request it rejects as malformed.
        assertEquals(List.of("192.0.2.7:40000 [25/Nov/2026:01:02:03.458] fe fe/<NOSRV> -1/-1/-1/-1/0 400 0 - - PR-- "
                + "1/1/0/0/0 0/0 \"<BADREQ>\""), sink.messages());
        assertEquals(Severity.INFO, sink.lines.get(0).severity());
        assertEquals("haproxy", sink.lines.get(0).tag());
    }

    @Test
    void anIncompleteRequestTimingOutIsAClientTimeoutInTheRequestPhase() {
        accept(LogFormat.HTTP, false);
        send("GET / HTTP/1.1\r\nHo");
        clock.advance(5000);
        channel.advanceTimeBy(5, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        finish();
        // haproxy 2.6.12 logs %B 0 for the 408 as for the 400 (LogDifferentialTest).
        assertEquals(List.of("192.0.2.7:40000 [25/Nov/2026:01:02:03.456] fe fe/<NOSRV> -1/-1/-1/-1/5000 408 0 - - cR-- "
                + "1/1/0/0/0 0/0 \"<BADREQ>\""), sink.messages());
    }

    @Test
    void noUsableServerIs503WithNoServerInTheConnectPhase() {
        accept(LogFormat.HTTP, false);
        clock.advance(3);
        send("GET /x?y=1 HTTP/1.1\r\nHost: a\r\n\r\n");
        finish();
        // 217: what haproxy 2.6.12 logs for its own 503 page (LogDifferentialTest).
        assertEquals(List.of("192.0.2.7:40000 [25/Nov/2026:01:02:03.459] fe be/<NOSRV> 0/-1/-1/-1/0 503 217 - - SC-- "
                + "1/1/0/0/0 0/0 \"GET /x?y=1 HTTP/1.1\""), sink.messages());
    }

    @Test
    void aLogFormatWithCapturesForTheProxysOwn503() throws Exception {
        LogSettings settings = HaproxyConfigs.read(Path.of("haproxy.cfg"), "frontend fe\n    mode http\n    bind :80\n"
                + "    log 127.0.0.1 local0\n    capture request header Host len 4\n    capture request header X-No len 3\n"
                + "    capture response header Server len 3\n"
                + "    log-format \"%ci:%cp %ST %hr %hs %{+Q}r %U %b/%s %si %lc %rt %H %fi:%fp\"\n"
                + "    default_backend be\nbackend be\n    mode http\n", Map.of(), false).frontends().get(0).log();
        FrontendLog log = new FrontendLog("fe", Mode.HTTP, settings, List.of(sink), clock, ZoneOffset.UTC, gate::inUse,
                "lb1", new AtomicLong(41)::getAndIncrement);
        for (int i = 0; i < 2; i++) {
            accept(log);
            send("GET /x HTTP/1.1\r\nHost: example\r\n\r\n");
            finish();
        }
        // %U: 34 bytes with one field, less 4 (SessionDetails.httpBytesUploaded); no server, no response: "-" and "{}".
        assertEquals(List.of("192.0.2.7:40000 503 {exam|} {} \"GET /x HTTP/1.1\" 30 be/<NOSRV> - 0 41 lb1 198.51.100.1:80",
                "192.0.2.7:40000 503 {exam|} {} \"GET /x HTTP/1.1\" 30 be/<NOSRV> - 1 42 lb1 198.51.100.1:80"),
                sink.messages());
    }

    @Test
    void aHeadArrivingInPiecesCountsTrFromItsFirstByte() {
        accept(LogFormat.HTTP, false);
        clock.advance(10);
        send("GET / HTTP/1.1\r\n");
        clock.advance(25);
        send("Host: a\r\n\r\n");
        clock.advance(5);
        finish();
        assertEquals("192.0.2.7:40000 [25/Nov/2026:01:02:03.466] fe be/<NOSRV> 25/-1/-1/-1/25 503 217 - - SC-- "
                + "1/1/0/0/0 0/0 \"GET / HTTP/1.1\"", sink.messages().get(0));
    }

    @Test
    void anEmptyConnectionIsABadRequestUnlessDontlognull() {
        accept(LogFormat.HTTP, false);
        clock.advance(7);
        finish();
        assertEquals(List.of("192.0.2.7:40000 [25/Nov/2026:01:02:03.456] fe fe/<NOSRV> -1/-1/-1/-1/7 400 0 - - CR-- "
                + "1/1/0/0/0 0/0 \"<BADREQ>\""), sink.messages());

        sink.lines.clear();
        accept(LogFormat.HTTP, true);
        finish();
        assertEquals(List.of(), sink.messages(), "option dontlognull: a connection that sent nothing is not logged");
    }

    @Test
    void dontlognullStillLogsAConnectionThatSentSomething() {
        accept(LogFormat.HTTP, true);
        send("GET / HTTP/1.1\r\n");
        finish();
        assertEquals(1, sink.messages().size());
        assertEquals("CR--", sink.messages().get(0).split(" ")[9]);
    }

    @Test
    void withoutHttplogTheConnectionIsLoggedWhenAccepted() {
        accept(LogFormat.DEFAULT, false);
        assertEquals(List.of("Connect from 192.0.2.7:40000 to 198.51.100.1:80 (fe/HTTP)"), sink.messages());
        send("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        finish();
        assertEquals(1, sink.messages().size(), "no request line without option httplog");
    }

    @Test
    void aRequestTheServerDroppedOnAReusedConnectionIsNotLogged() {
        // HAProxy's abort_keep_alive: the client must retry it, and the stream's log level is 0.
        EmbeddedChannel client = new IpChannel();
        FrontendLog frontendLog = LogFixtures.log("fe", Mode.HTTP, LogFormat.HTTP, false, sink, clock, gate::inUse);
        HttpExchangeLog log = HttpExchangeLog.start(frontendLog, gate, client);
        log.request("GET", "/1", 1, new Headers(List.of()));
        log.ended(TerminationCause.NORMAL);
        log.request("GET", "/2", 1, new Headers(List.of()));
        log.discard();
        log.ended(TerminationCause.SERVER_ABORT);
        assertEquals(1, sink.messages().size(), "only the first request: " + sink.messages());
        assertFalse(client.finishAndReleaseAll());
    }
}
