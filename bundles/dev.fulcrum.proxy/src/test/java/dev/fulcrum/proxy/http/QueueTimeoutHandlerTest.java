package dev.fulcrum.proxy.http;

import static dev.fulcrum.proxy.testing.Models.frontend;
import static dev.fulcrum.proxy.testing.Models.timeouts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.proxy.Frontend;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.Timeouts;
import dev.fulcrum.proxy.net.ConnectionGate;
import dev.fulcrum.proxy.pool.BackendPool;
import dev.fulcrum.proxy.pool.BackendQueue;
import dev.fulcrum.proxy.pool.ConnectionRequest;
import dev.fulcrum.proxy.pool.ServerConnector;
import dev.fulcrum.proxy.pool.ServerSlot;
import dev.fulcrum.proxy.stats.Traffic;
import dev.fulcrum.proxy.route.FrontendContext;
import dev.fulcrum.proxy.route.Router;
import dev.fulcrum.proxy.testing.Models;
import dev.fulcrum.proxy.testing.RoundRobinRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request in mode http that finds its only server at maxconn, on an EmbeddedChannel with frozen
 * time: it waits without an answer for "timeout queue", then gets HAProxy's 503.
 */
class QueueTimeoutHandlerTest {

    private static final Timeouts TIMEOUTS = Models.withQueue(
            timeouts(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(5)), Duration.ofSeconds(3));

    /** An embedded client with socket addresses, as routing and balancing read them. */
    private static final class LoopbackClient extends EmbeddedChannel {
        @Override
        protected SocketAddress localAddress0() {
            return new InetSocketAddress("127.0.0.1", 80);
        }

        @Override
        protected SocketAddress remoteAddress0() {
            return new InetSocketAddress("192.0.2.1", 40000);
        }
    }

    private final EmbeddedChannel holder = new EmbeddedChannel();
    private BackendPool pool;
    private EmbeddedChannel client;

    @BeforeEach
    void oneServerAtItsLimit() {
        pool = BackendPool.open(new RoundRobinRegistry(), InstantSource.system(),
                Models.backend("be", Mode.HTTP, TIMEOUTS, 3, false, List.of(Models.server("s", 8080, 1))),
                Map.of("s", new InetSocketAddress("127.0.0.1", 8080)));
        ServerSlot[] held = new ServerSlot[1];
        pool.queue().acquire(holder, new ConnectionRequest(new InetSocketAddress("192.0.2.1", 1),
                new InetSocketAddress("127.0.0.1", 80)), Optional.empty(), new BackendQueue.Grant() {
                    @Override
                    public void granted(ServerSlot slot) {
                        held[0] = slot;
                    }

                    @Override
                    public void noServer() {
                    }

                    @Override
                    public void expired() {
                    }
                });
        assertEquals(1, pool.queue().served(pool.servers().get(0)));

        Frontend config = frontend("fe", Mode.HTTP, 80, "be", TIMEOUTS, 0);
        // No transport: a request that got a place would fail the test by trying to connect.
        HttpFrontend frontend = new HttpFrontend(new FrontendContext(config, new Router(config),
                name -> Optional.of(pool), new ServerConnector(null), new ConnectionGate(10)));
        client = new LoopbackClient();
        client.freezeTime();
        frontend.accept(client);
    }

    @AfterEach
    void released() {
        assertFalse(client.finishAndReleaseAll());
        assertFalse(holder.finishAndReleaseAll());
    }

    private void advance(long millis) {
        client.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        client.runScheduledPendingTasks();
    }

    @Test
    void theQueuedRequestGets503WhenTimeoutQueueExpiresAndNotBefore() {
        client.writeInbound(Unpooled.copiedBuffer("GET / HTTP/1.1\r\nHost: t\r\n\r\n", StandardCharsets.US_ASCII));
        assertEquals(1, pool.queue().queued());

        advance(2_999);
        assertNull(client.readOutbound());
        assertTrue(client.isOpen());

        advance(1);
        ByteBuf answer = client.readOutbound();
        assertEquals(ErrorPages.SERVICE_UNAVAILABLE.text(), answer.toString(StandardCharsets.ISO_8859_1));
        answer.release();
        assertFalse(client.isOpen());
        assertEquals(0, pool.queue().queued());
        // HAProxy counts the expiry as the backend's failed connection (econ) besides the 503.
        assertEquals(1, pool.counters().activity().get(Traffic.CONNECT_ERRORS));
        assertEquals(1, pool.counters().activity().get(Traffic.HRSP_5XX));
        assertEquals(0, pool.servers().get(0).counters().activity().get(Traffic.CONNECT_ERRORS));
    }

    @Test
    void aClientThatClosesWhileQueuedLeavesTheQueue() {
        client.writeInbound(Unpooled.copiedBuffer("GET / HTTP/1.1\r\nHost: t\r\n\r\n", StandardCharsets.US_ASCII));
        assertEquals(1, pool.queue().queued());

        client.close();

        assertEquals(0, pool.queue().queued());
        assertEquals(1, pool.queue().served(pool.servers().get(0)), "the holder keeps its place");
    }
}
