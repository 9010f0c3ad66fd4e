package dev.fulcrum.proxy.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.Server;
import dev.fulcrum.api.model.proxy.Timeouts;
import dev.fulcrum.api.sched.ServerState;
import dev.fulcrum.proxy.testing.Models;
import dev.fulcrum.proxy.testing.RoundRobinRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Per-server maxconn and the backend queue, with each client an EmbeddedChannel on frozen time. */
class BackendQueueTest {

    private static final ConnectionRequest REQUEST = new ConnectionRequest(new InetSocketAddress("192.0.2.1", 40000),
            new InetSocketAddress("127.0.0.1", 80));
    private static final Optional<Duration> NO_TIMEOUT = Optional.empty();

    private final List<EmbeddedChannel> clients = new ArrayList<>();

    /** What one client's request was told, in order: "granted a", "no server", "expired". */
    static final class Recorder implements BackendQueue.Grant {
        final List<String> events = new ArrayList<>();
        ServerSlot slot;
        QueueTicket ticket;

        @Override
        public void queued(QueueTicket queuedAs) {
            ticket = queuedAs;
            events.add("queued");
        }

        @Override
        public void granted(ServerSlot granted) {
            slot = granted;
            events.add("granted " + granted.server().id());
        }

        @Override
        public void noServer() {
            events.add("no server");
        }

        @Override
        public void expired() {
            events.add("expired");
        }

        @Override
        public void serverQueueFull(ProxyServer server) {
            events.add("queue full " + server.id());
        }
    }

    private static BackendPool pool(Server... servers) {
        Map<String, InetSocketAddress> addresses = new HashMap<>();
        for (Server s : servers) {
            addresses.put(s.name(), new InetSocketAddress("127.0.0.1", s.port()));
        }
        return BackendPool.open(new RoundRobinRegistry(), InstantSource.system(),
                Models.backend("be", Mode.TCP, Timeouts.NONE, 3, false, List.of(servers)), addresses);
    }

    private EmbeddedChannel client() {
        EmbeddedChannel client = new EmbeddedChannel();
        client.freezeTime();
        clients.add(client);
        return client;
    }

    private Recorder acquire(BackendPool pool, EmbeddedChannel client, Optional<Duration> timeout) {
        Recorder recorder = new Recorder();
        pool.queue().acquire(client, REQUEST, timeout, recorder);
        return recorder;
    }

    /** Three requests, one after the other, without a timeout; their clients go to {@code waiting}. */
    private List<Recorder> queueThree(BackendPool pool, List<EmbeddedChannel> waiting) {
        List<Recorder> queued = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiting.add(client());
            queued.add(acquire(pool, waiting.get(i), NO_TIMEOUT));
        }
        return queued;
    }

    private static void advance(EmbeddedChannel client, long millis) {
        client.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        client.runScheduledPendingTasks();
    }

    @AfterEach
    void noLeaks() {
        clients.forEach(c -> assertFalse(c.finishAndReleaseAll()));
    }

    @Test
    void aFullServerQueuesTheNextRequestUntilThePlaceIsReleased() {
        BackendPool pool = pool(Models.server("a", 1001, 1));
        EmbeddedChannel first = client();
        EmbeddedChannel second = client();

        Recorder one = acquire(pool, first, NO_TIMEOUT);
        Recorder two = acquire(pool, second, Optional.of(Duration.ofSeconds(2)));

        assertEquals(List.of("granted a"), one.events);
        assertEquals(List.of("queued"), two.events);
        assertEquals(1, pool.queue().queued());
        assertEquals(1, pool.queue().served(pool.servers().get(0)));

        one.slot.release();
        second.runPendingTasks();
        assertEquals(List.of("queued", "granted a"), two.events, "the freed place goes to the queued request");
        assertFalse(one.slot.afterWaiting());
        assertTrue(two.slot.afterWaiting(), "a place handed over from the queue is not a balancing choice (lbtot)");
        advance(second, 10_000);
        assertEquals(List.of("queued", "granted a"), two.events, "a granted request's queue timeout is cancelled");
        assertEquals(0, pool.queue().queued());
        assertEquals(1, pool.queue().served(pool.servers().get(0)));

        one.slot.release();
        assertEquals(1, pool.queue().served(pool.servers().get(0)), "a second release of the same place is a no-op");
        two.slot.release();
        assertEquals(0, pool.queue().served(pool.servers().get(0)));
    }

    @Test
    void theBackendCountersKeepTheLongestQueue() {
        BackendPool pool = pool(Models.server("a", 1001, 1));
        Recorder holder = acquire(pool, client(), NO_TIMEOUT);
        EmbeddedChannel waiting = client();
        acquire(pool, waiting, NO_TIMEOUT);
        acquire(pool, client(), NO_TIMEOUT);
        assertEquals(2, pool.counters().mostQueued());

        holder.slot.release();
        waiting.runPendingTasks();
        assertEquals(1, pool.queue().queued());
        assertEquals(2, pool.counters().mostQueued(), "qmax is the most ever queued, not the length now");
    }

    @Test
    void queuedRequestsAreServedOldestFirstAndNewcomersDoNotOvertake() {
        BackendPool pool = pool(Models.server("a", 1001, 1));
        Recorder holder = acquire(pool, client(), NO_TIMEOUT);
        List<EmbeddedChannel> waiting = new ArrayList<>();
        List<Recorder> queued = queueThree(pool, waiting);

        holder.slot.release();
        waiting.forEach(EmbeddedChannel::runPendingTasks);
        assertEquals(List.of(List.of("queued", "granted a"), List.of("queued"), List.of("queued")),
                queued.stream().map(r -> r.events).toList());

        queued.get(0).slot.release();
        waiting.forEach(EmbeddedChannel::runPendingTasks);
        assertEquals(List.of("queued", "granted a"), queued.get(1).events);
        assertEquals(List.of("queued"), queued.get(2).events);
    }

    @Test
    void aTicketCountsOnePlusThePlacesHandedOutWhileItWaitedAndStopsWhenItLeaves() {
        // configuration.txt 8.2.3 backend_queue, counted as HAProxy 2.6 logs it (LogDifferentialTest).
        BackendPool pool = pool(Models.server("a", 1001, 1));
        Recorder holder = acquire(pool, client(), NO_TIMEOUT);
        List<EmbeddedChannel> waiting = new ArrayList<>();
        List<Recorder> queued = queueThree(pool, waiting);
        assertEquals(List.of(1, 1, 1), queued.stream().map(r -> r.ticket.position()).toList());

        holder.slot.release();
        waiting.forEach(EmbeddedChannel::runPendingTasks);
        assertEquals(List.of(1, 2, 2), queued.stream().map(r -> r.ticket.position()).toList(),
                "the first left with a place; the others count it");

        queued.get(0).slot.release();
        waiting.forEach(EmbeddedChannel::runPendingTasks);
        queued.get(1).slot.release();
        waiting.forEach(EmbeddedChannel::runPendingTasks);
        assertEquals(List.of(1, 2, 3), queued.stream().map(r -> r.ticket.position()).toList());
        EmbeddedChannel late = client();
        Recorder last = acquire(pool, late, Optional.of(Duration.ofSeconds(1)));
        advance(late, 1000);
        assertEquals(List.of("queued", "expired"), last.events);
        assertEquals(1, last.ticket.position(), "an expired request counts like one that got a place");
        queued.get(2).slot.release();
        assertEquals(List.of(1, 2, 3), queued.stream().map(r -> r.ticket.position()).toList(), "positions stay");
    }

    @Test
    void aRequestFindingTheOtherServerFreeSkipsTheFullOne() {
        BackendPool pool = pool(Models.server("a", 1001, 1), Models.server("b", 1002, 1));
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            picked.addAll(acquire(pool, client(), NO_TIMEOUT).events);
        }
        assertEquals(List.of("granted a", "granted b"), picked.stream().sorted().toList());
        assertEquals(List.of("queued"), acquire(pool, client(), NO_TIMEOUT).events, "both full: queued");
    }

    @Test
    void theQueueTimeoutExpiresTheWaitingRequestOnFrozenTime() {
        BackendPool pool = pool(Models.server("a", 1001, 1));
        Recorder holder = acquire(pool, client(), NO_TIMEOUT);
        EmbeddedChannel waiting = client();
        Recorder queued = acquire(pool, waiting, Optional.of(Duration.ofSeconds(2)));

        advance(waiting, 1999);
        assertEquals(List.of("queued"), queued.events);

        advance(waiting, 1);
        assertEquals(List.of("queued", "expired"), queued.events);
        assertEquals(0, pool.queue().queued());

        holder.slot.release();
        waiting.runPendingTasks();
        assertEquals(List.of("queued", "expired"), queued.events, "an expired request is not granted afterwards");
        assertEquals(0, pool.queue().served(pool.servers().get(0)));
    }

    @Test
    void aClientThatLeftTheQueueIsSkipped() {
        BackendPool pool = pool(Models.server("a", 1001, 1));
        Recorder holder = acquire(pool, client(), NO_TIMEOUT);
        EmbeddedChannel gone = client();
        Recorder left = acquire(pool, gone, NO_TIMEOUT);
        EmbeddedChannel staying = client();
        Recorder next = acquire(pool, staying, NO_TIMEOUT);

        gone.close();
        assertEquals(1, pool.queue().queued());
        holder.slot.release();
        gone.runPendingTasks();
        staying.runPendingTasks();

        assertEquals(List.of("queued"), left.events);
        assertEquals(List.of("queued", "granted a"), next.events);
    }

    @Test
    void noUsableServerIsAnsweredAtOnceNotQueued() {
        BackendPool pool = pool(Models.server("a", 1001, 1));
        pool.setState(pool.servers().get(0), ServerState.MAINT);

        assertEquals(List.of("no server"), acquire(pool, client(), NO_TIMEOUT).events);
        assertEquals(0, pool.queue().queued());
    }

    @Test
    void aServerComingUpTakesQueuedRequests() {
        BackendPool pool = pool(Models.server("a", 1001, 1), Models.server("b", 1002, 1));
        ProxyServer b = pool.servers().get(1);
        pool.setState(b, ServerState.DOWN);
        acquire(pool, client(), NO_TIMEOUT);
        EmbeddedChannel waiting = client();
        Recorder queued = acquire(pool, waiting, NO_TIMEOUT);
        assertEquals(List.of("queued"), queued.events);

        pool.setState(b, ServerState.UP);
        waiting.runPendingTasks();

        assertEquals(List.of("queued", "granted b"), queued.events);
    }

    @Test
    void aServerWithoutMaxconnAlwaysHasRoom() {
        BackendPool pool = pool(Models.server("a", 1001));
        for (int i = 0; i < 100; i++) {
            assertEquals(List.of("granted a"), acquire(pool, client(), NO_TIMEOUT).events);
        }
        assertEquals(100, pool.queue().served(pool.servers().get(0)));
    }

    @Test
    void redispatchMovesThePlaceToAnotherServerWithRoomOnly() {
        BackendPool pool = pool(Models.server("a", 1001, 1), Models.server("b", 1002, 1));
        ServerSlot first = acquire(pool, client(), NO_TIMEOUT).slot;
        ProxyServer from = first.server();
        ProxyServer other = from == pool.servers().get(0) ? pool.servers().get(1) : pool.servers().get(0);

        Optional<ServerSlot> moved = pool.queue().redispatch(first, REQUEST);

        assertEquals(Optional.of(other), moved.map(ServerSlot::server));
        assertEquals(0, pool.queue().served(from), "the old place is released");
        assertEquals(1, pool.queue().served(other));

        assertEquals(List.of("granted " + from.id()), acquire(pool, client(), NO_TIMEOUT).events);
        assertEquals(Optional.empty(), pool.queue().redispatch(moved.get(), REQUEST), "both full: it stays");
        assertEquals(1, pool.queue().served(other));
        assertFalse(moved.get().released());
    }
}
