package dev.fulcrum.proxy.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.fulcrum.api.model.proxy.Algorithm;
import dev.fulcrum.api.model.proxy.Backend;
import dev.fulcrum.api.model.proxy.Balance;
import dev.fulcrum.api.model.proxy.LogSettings;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.ProxyOptions;
import dev.fulcrum.api.model.proxy.Server;
import dev.fulcrum.api.model.proxy.Timeouts;
import dev.fulcrum.proxy.pool.BackendQueueTest.Recorder;
import dev.fulcrum.proxy.stats.Traffic;
import dev.fulcrum.proxy.testing.RoundRobinRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A hashing algorithm binds each request to one server: a full server's requests wait in its own
 * queue, at most {@code maxqueue} of them (configuration.txt 5.2), and never go to another server.
 * The test scheduler sends even source ports to "a" and odd ones to "b".
 */
class ServerQueueTest {

    private final List<EmbeddedChannel> clients = new ArrayList<>();
    private final BackendPool pool = hashed(server("a", 1001, 1, 1), server("b", 1002, 1, 0));
    private final ProxyServer a = pool.servers().get(0);
    private final ProxyServer b = pool.servers().get(1);

    private static Server server(String name, int port, int maxconn, int maxqueue) {
        Server d = Server.of(name, "127.0.0.1", port);
        return new Server(name, d.host(), port, false, d.inter(), d.fastinter(), d.downinter(), d.rise(), d.fall(),
                d.weight(), false, maxconn, false, Duration.ZERO, false, OptionalInt.of(maxqueue));
    }

    private static BackendPool hashed(Server... servers) {
        Backend backend = new Backend("be", Mode.TCP, Balance.of(Algorithm.SOURCE), List.of(servers), Optional.empty(),
                Timeouts.NONE, 3, false, ProxyOptions.DEFAULT, LogSettings.NONE);
        return BackendPool.open(RoundRobinRegistry.hashingBySourcePort(), InstantSource.system(), backend,
                Map.of("a", new InetSocketAddress("127.0.0.1", 1001), "b", new InetSocketAddress("127.0.0.1", 1002)));
    }

    private Recorder acquire(int sourcePort, Optional<Duration> timeout) {
        EmbeddedChannel client = new EmbeddedChannel();
        client.freezeTime();
        clients.add(client);
        Recorder recorder = new Recorder();
        pool.queue().acquire(client, new ConnectionRequest(new InetSocketAddress("192.0.2.1", sourcePort),
                new InetSocketAddress("127.0.0.1", 80)), timeout, recorder);
        return recorder;
    }

    private void runTasks() {
        clients.forEach(EmbeddedChannel::runPendingTasks);
    }

    @AfterEach
    void noLeaks() {
        clients.forEach(c -> assertFalse(c.finishAndReleaseAll()));
    }

    @Test
    void aFullServersRequestsWaitForItUpToMaxqueueAndOthersAreRefused() {
        Recorder first = acquire(40000, Optional.empty());
        Recorder waiting = acquire(40002, Optional.empty());
        Recorder refused = acquire(40004, Optional.empty());
        Recorder other = acquire(40001, Optional.empty());

        assertEquals(List.of("granted a"), first.events);
        assertEquals(List.of("queued"), waiting.events);
        assertEquals(List.of("queue full a"), refused.events);
        assertEquals(List.of("granted b"), other.events, "b has room: a's queue does not hold it back");
        assertEquals(List.of(1, 0, 0), List.of(pool.queue().queued(a), pool.queue().queued(b), pool.queue().queued()));

        other.slot.release();
        runTasks();
        assertEquals(List.of("queued"), waiting.events, "a place on b is no place for a request bound to a");

        first.slot.release();
        runTasks();
        assertEquals(List.of("queued", "granted a"), waiting.events);
        assertEquals(0, pool.queue().queued(a));
        assertEquals(1, a.counters().mostQueued());
        // Chosen by the algorithm while a was full: the waiting and the refused request (lbtot).
        assertEquals(2, a.counters().activity().get(Traffic.SELECTED));
        waiting.slot.release();
    }

    @Test
    void withoutMaxqueueTheServersQueueIsUnlimitedAndServedOldestFirst() {
        Recorder busy = acquire(40001, Optional.empty());
        List<Recorder> queued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            queued.add(acquire(40003 + 2 * i, Optional.empty()));
        }
        assertEquals(5, pool.queue().queued(b));
        busy.slot.release();
        runTasks();
        assertEquals(List.of("queued", "granted b"), queued.get(0).events);
        assertEquals(List.of("queued"), queued.get(1).events);
        queued.get(0).slot.release();
        runTasks();
        assertEquals(List.of("queued", "granted b"), queued.get(1).events);
        assertEquals(3, pool.queue().queued(b));
        clients.forEach(EmbeddedChannel::close);
        queued.get(1).slot.release();
        assertEquals(0, pool.queue().queued(b), "clients that left are dropped");
    }

    @Test
    void aRequestWaitingInAServersQueueExpiresAfterTheQueueTimeout() {
        Recorder busy = acquire(40000, Optional.empty());
        Recorder waiting = acquire(40002, Optional.of(Duration.ofSeconds(2)));
        EmbeddedChannel client = clients.get(1);
        client.advanceTimeBy(2, TimeUnit.SECONDS);
        client.runScheduledPendingTasks();
        assertEquals(List.of("queued", "expired"), waiting.events);
        assertEquals(0, pool.queue().queued(a));
        busy.slot.release();
        assertEquals(0, pool.queue().served(a));
    }
}
