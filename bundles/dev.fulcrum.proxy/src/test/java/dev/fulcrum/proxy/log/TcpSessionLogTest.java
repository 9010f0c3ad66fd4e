package dev.fulcrum.proxy.log;

import dev.fulcrum.proxy.stats.BackendCounters;
import static dev.fulcrum.proxy.testing.Models.frontend;
import static dev.fulcrum.proxy.testing.Models.timeouts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fulcrum.api.model.proxy.Frontend;
import dev.fulcrum.api.model.proxy.LogFormat;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.proxy.log.LogFixtures.IpChannel;
import dev.fulcrum.proxy.log.LogFixtures.ManualClock;
import dev.fulcrum.proxy.log.LogFixtures.RecordingSink;
import dev.fulcrum.proxy.net.ConnectionGate;
import dev.fulcrum.proxy.pool.BackendPool;
import dev.fulcrum.proxy.pool.ProxyServer;
import dev.fulcrum.proxy.pool.ServerConnector;
import dev.fulcrum.proxy.route.FrontendContext;
import dev.fulcrum.proxy.route.Router;
import dev.fulcrum.proxy.tcp.TcpFrontend;
import dev.fulcrum.proxy.testing.Models;
import dev.fulcrum.proxy.testing.RoundRobinRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The tcplog facts of one connection, on EmbeddedChannels with a frozen clock. */
class TcpSessionLogTest {

    private final ManualClock clock = new ManualClock();
    private final RecordingSink sink = new RecordingSink();
    private final ConnectionGate gate = new ConnectionGate(10);
    private final BackendPool pool = BackendPool.open(new RoundRobinRegistry(), clock,
            Models.backend("be", Mode.TCP, timeouts(null, null, null), 3, false, List.of()), Map.of());
    private final ProxyServer server = new ProxyServer(Models.server("s1", 8080), LogFixtures.LOCAL, clock.instant(),
            new BackendCounters(clock).server("s1"));

    @AfterEach
    void closePool() {
        pool.close();
    }

    private FrontendLog log(boolean dontLogNull) {
        return LogFixtures.log("fe", Mode.TCP, LogFormat.TCP, dontLogNull, sink, clock, gate::inUse);
    }

    /** A connection the gate admitted, with its log started as TcpFrontend starts it. */
    private TcpSessionLog started(EmbeddedChannel client, boolean dontLogNull) {
        TcpSessionLog session = TcpSessionLog.start(log(dontLogNull), gate, client);
        gate.admit(client, () -> { });
        return session;
    }

    @Test
    void noUsableServerClosesTheClientAndLogsSC() {
        Frontend config = frontend("fe", Mode.TCP, 80, "be", timeouts(null, null, null), 0);
        TcpFrontend frontend = new TcpFrontend(new FrontendContext(config, new Router(config),
                name -> Optional.of(pool), new ServerConnector(null), gate, log(false)));
        EmbeddedChannel client = new IpChannel();
        frontend.accept(client);
        assertFalse(client.isOpen());
        assertEquals(List.of("192.0.2.7:40000 [25/Nov/2026:01:02:03.456] fe be/<NOSRV> -1/-1/0 0 SC 1/1/0/0/0 0/0"),
                sink.messages());
        assertFalse(client.finishAndReleaseAll());
    }

    @Test
    void aRelayedConnectionIsLoggedWhenTheClientCloses() {
        EmbeddedChannel client = new IpChannel();
        EmbeddedChannel upstream = new EmbeddedChannel();
        TcpSessionLog session = started(client, false);
        session.backend(pool);
        session.attempt(server, 0);
        clock.advance(3);
        session.connected(server, upstream);
        client.writeInbound(Unpooled.copiedBuffer(new byte[] {1, 2, 3}));
        client.writeOutbound(Unpooled.copiedBuffer(new byte[] {4, 5, 6, 7, 8}));
        clock.advance(40);
        client.close();
        assertEquals(List.of("192.0.2.7:40000 [25/Nov/2026:01:02:03.456] fe be/s1 0/3/43 5 -- 1/1/0/0/0 0/0"),
                sink.messages());
        client.finishAndReleaseAll();
        assertFalse(upstream.finishAndReleaseAll());
    }

    @Test
    void aServerResetIsAServerAbortInTheDataPhase() {
        EmbeddedChannel client = new IpChannel();
        EmbeddedChannel upstream = new EmbeddedChannel();
        TcpSessionLog session = started(client, false);
        session.backend(pool);
        session.connected(server, upstream);
        client.writeInbound(Unpooled.copiedBuffer(new byte[] {1}));
        upstream.pipeline().fireExceptionCaught(new IOException("Connection reset by peer"));
        // The watch passed the error on (to the relay, in the proxy); here it ends at the pipeline's tail.
        assertThrows(IOException.class, upstream::checkException);
        client.close();
        assertEquals("SD", sink.messages().get(0).split(" ")[6]);
        client.finishAndReleaseAll();
        upstream.finishAndReleaseAll();
    }

    @Test
    void anInactivityTimeoutOnTheClientSideIsLoggedAsCD() {
        EmbeddedChannel client = new IpChannel();
        TcpSessionLog session = started(client, false);
        session.backend(pool);
        session.connected(server, new EmbeddedChannel());
        client.writeInbound(Unpooled.copiedBuffer(new byte[] {1}));
        // What IdleCloseHandler fires just before it closes the side ("timeout client").
        client.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
        client.close();
        assertEquals("cD", sink.messages().get(0).split(" ")[6]);
        client.finishAndReleaseAll();
    }

    @Test
    void dontlognullSkipsAConnectionThatSentNothing() {
        EmbeddedChannel silent = new IpChannel();
        started(silent, true).backend(pool);
        silent.close();
        assertEquals(List.of(), sink.messages());

        EmbeddedChannel talking = new IpChannel();
        started(talking, true).backend(pool);
        talking.writeInbound(Unpooled.copiedBuffer(new byte[] {1}));
        talking.close();
        assertEquals(1, sink.messages().size());
        talking.finishAndReleaseAll();
    }
}
