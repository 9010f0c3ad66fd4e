package dev.fulcrum.proxy.log;

import static dev.fulcrum.proxy.testing.Models.frontend;
import static dev.fulcrum.proxy.testing.Models.timeouts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.fulcrum.api.model.proxy.Frontend;
import dev.fulcrum.api.model.proxy.LogFormat;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.Timeouts;
import dev.fulcrum.proxy.http.HttpFrontend;
import dev.fulcrum.proxy.log.LogFixtures.IpChannel;
import dev.fulcrum.proxy.log.LogFixtures.ManualClock;
import dev.fulcrum.proxy.log.LogFixtures.RecordingSink;
import dev.fulcrum.proxy.net.ClientPipeline;
import dev.fulcrum.proxy.net.ConnectionGate;
import dev.fulcrum.proxy.pool.BackendPool;
import dev.fulcrum.proxy.pool.BackendQueue;
import dev.fulcrum.proxy.pool.ConnectionRequest;
import dev.fulcrum.proxy.pool.ServerConnector;
import dev.fulcrum.proxy.pool.ServerSlot;
import dev.fulcrum.proxy.route.FrontendContext;
import dev.fulcrum.proxy.route.Router;
import dev.fulcrum.proxy.tcp.TcpFrontend;
import dev.fulcrum.proxy.testing.Models;
import dev.fulcrum.proxy.testing.RoundRobinRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the backend's queue puts in the log lines (configuration.txt 8.4 Tw, 8.2.3 %bq, 8.5 "sQ",
 * "CQ"), on EmbeddedChannels with a frozen clock: the only server is at its {@code maxconn 1}, held
 * by another request, so the logged request waits in the queue until "timeout queue" (3 s) runs
 * out or its client leaves.
 */
class QueueLogTest {

    private static final Timeouts TIMEOUTS = Models.withQueue(
            timeouts(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(5)), Duration.ofSeconds(3));

    private final ManualClock clock = new ManualClock();
    private final RecordingSink sink = new RecordingSink();
    private final ConnectionGate gate = new ConnectionGate(10);
    private final EmbeddedChannel holder = new EmbeddedChannel();
    private BackendPool pool;
    private EmbeddedChannel client;

    @BeforeEach
    void oneServerAtItsLimit() {
        pool = BackendPool.open(new RoundRobinRegistry(), clock,
                Models.backend("be", Mode.HTTP, TIMEOUTS, 3, false, List.of(Models.server("s", 8080, 1))),
                Map.of("s", new InetSocketAddress("127.0.0.1", 8080)));
        pool.queue().acquire(holder, new ConnectionRequest(new InetSocketAddress("192.0.2.1", 1),
                new InetSocketAddress("127.0.0.1", 80)), Optional.empty(), new BackendQueue.Grant() {
                    @Override
                    public void granted(ServerSlot slot) {
                    }

                    @Override
                    public void noServer() {
                    }

                    @Override
                    public void expired() {
                    }
                });
        assertEquals(1, pool.queue().served(pool.servers().get(0)));
    }

    @AfterEach
    void released() {
        for (Object out; (out = client.readOutbound()) != null; ) {
            ReferenceCountUtil.release(out);
        }
        assertFalse(client.finishAndReleaseAll());
        assertFalse(holder.finishAndReleaseAll());
        pool.close();
    }

    private void accept(Mode mode, LogFormat format, Function<FrontendContext, ClientPipeline> pipeline) {
        Frontend config = frontend("fe", mode, 80, "be", TIMEOUTS, 0);
        FrontendLog log = LogFixtures.log("fe", mode, format, false, sink, clock, gate::inUse);
        // No transport: a request that got a place would fail the test by trying to connect.
        ClientPipeline frontend = pipeline.apply(new FrontendContext(config, new Router(config),
                name -> Optional.of(pool), new ServerConnector(null), gate, log));
        client = new IpChannel();
        client.freezeTime();
        frontend.accept(client);
    }

    private void waitMillis(long millis) {
        clock.advance(millis);
        client.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        client.runScheduledPendingTasks();
    }

    private void request() {
        client.writeInbound(Unpooled.copiedBuffer("GET /q HTTP/1.1\r\nHost: a\r\n\r\n", StandardCharsets.US_ASCII));
        assertEquals(1, pool.queue().queued());
    }

    @Test
    void anHttpRequestWhoseQueueTimeoutRunsOutIs503WithTheWholeWaitAsTw() {
        accept(Mode.HTTP, LogFormat.HTTP, HttpFrontend::new);
        request();
        waitMillis(3000);
        // HAProxy 2.6: no server assigned, Tw the time in the queue, sQ--, bq counts this request.
        assertEquals(List.of("192.0.2.7:40000 [25/Nov/2026:01:02:03.456] fe be/<NOSRV> 0/3000/-1/-1/3000 503 217 - - sQ-- "
                + "1/1/0/0/0 0/1 \"GET /q HTTP/1.1\""), sink.messages());
    }

    @Test
    void anHttpClientLeavingWhileQueuedIsAClientAbortInTheQueuePhase() {
        accept(Mode.HTTP, LogFormat.HTTP, HttpFrontend::new);
        request();
        waitMillis(1200);
        client.close();
        assertEquals(List.of("192.0.2.7:40000 [25/Nov/2026:01:02:03.456] fe be/<NOSRV> 0/1200/-1/-1/1200 -1 0 - - CQ-- "
                + "1/1/0/0/0 0/1 \"GET /q HTTP/1.1\""), sink.messages());
        assertEquals(0, pool.queue().queued());
    }

    @Test
    void aTcpConnectionWhoseQueueTimeoutRunsOutIsClosedAndLoggedSQ() {
        accept(Mode.TCP, LogFormat.TCP, TcpFrontend::new);
        assertEquals(1, pool.queue().queued());
        waitMillis(3000);
        assertFalse(client.isOpen());
        assertEquals(List.of("192.0.2.7:40000 [25/Nov/2026:01:02:03.456] fe be/<NOSRV> 3000/-1/3000 0 sQ 1/1/0/0/0 0/1"),
                sink.messages());
    }
}
