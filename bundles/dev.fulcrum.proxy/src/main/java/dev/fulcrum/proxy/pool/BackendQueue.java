package dev.fulcrum.proxy.pool;

import dev.fulcrum.api.sched.RequestContext;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Per-server {@code maxconn} and the queues, as HAProxy 2.6 runs them (configuration.txt 5.2
 * "maxconn", "maxqueue", 4.2 "timeout queue"): a request goes to a server with a free place; when
 * every usable server is full it waits in the backend's queue, oldest first; when a place frees, the
 * oldest waiting request gets it on that server. While requests wait, new ones queue behind them
 * (HAProxy does not let a newcomer overtake the queue). A request that waits longer than its queue
 * timeout leaves the queue. Servers without maxconn (0) always have room.
 *
 * <p>With a hashing algorithm ({@link #pinsRequests}) the algorithm names one server for a request
 * and never another: when that server is full the request waits in the server's own queue, for that
 * server, unless the queue holds {@code maxqueue} requests already; then it is refused (a 503 and a
 * failed connection, as HAProxy's srv_redispatch_connect() does without cookie persistence). A
 * freed place goes to the oldest request of the server's queue and the backend's queue together.
 *
 * <p>Callbacks run on the requesting client's event loop; the counts are kept under this object's
 * lock because the clients of one backend run on every loop.
 */
public final class BackendQueue {

    /** Told once how a request fared; every call comes on the client's event loop. */
    public interface Grant {
        void granted(ServerSlot slot);

        /** No server of the backend is usable (all down, in maintenance, or weight 0). */
        void noServer();

        /** The queue timeout ran out before a place freed. */
        void expired();

        /** No place was free: the request waits in the queue from now, {@code ticket} tells where (for the logs). */
        default void queued(QueueTicket ticket) {
        }

        /** The server the algorithm named is full and so is its queue (5.2 "maxqueue"). */
        default void serverQueueFull(ProxyServer server) {
            noServer();
        }
    }

    private final class Waiter {
        final Channel client;
        final RequestContext request;
        final Grant grant;
        final QueueTicket ticket;
        /** Where it waits: the server's own queue, or null for the backend's. */
        final ProxyServer server;
        /** Arrival order across all queues: the oldest of two queue heads goes first. */
        final long arrival;
        ScheduledFuture<?> timer;

        Waiter(Channel client, RequestContext request, Grant grant, ProxyServer server) {
            this.client = client;
            this.request = request;
            this.grant = grant;
            this.ticket = new QueueTicket(BackendQueue.this, dispatched);
            this.server = server;
            this.arrival = arrivals++;
        }
    }

    private final BackendPool pool;
    private final Deque<Waiter> waiting = new ArrayDeque<>();
    private final Map<ProxyServer, Deque<Waiter>> serverQueues = new HashMap<>();
    private final Map<ProxyServer, Integer> served = new HashMap<>();
    /** Places handed to queued requests since the start, the index behind each {@link QueueTicket}. */
    private long dispatched;
    private long arrivals;

    BackendQueue(BackendPool pool) {
        this.pool = pool;
    }

    /**
     * A place for the client's request now, or in the queue for at most {@code timeout} (empty:
     * as long as it takes). Call on the client's loop.
     */
    public void acquire(Channel client, RequestContext request, Optional<Duration> timeout, Grant grant) {
        ServerSlot slot = null;
        Waiter waiter = null;
        ProxyServer full = null;
        synchronized (this) {
            Optional<ProxyServer> usable = pool.pick(request, Optional.empty());
            if (usable.isPresent() && pinsRequests()) {
                ProxyServer named = usable.get();
                // The algorithm chose it (lbtot) even when it must wait or is refused, as in HAProxy's
                // assign_server(); its place, when it comes, is no new choice (afterWaiting).
                boolean room = serverQueue(named).isEmpty() && hasRoom(named);
                if (!room) {
                    named.counters().selected();
                }
                Deque<Waiter> own = serverQueue(named);
                int limit = named.config().maxqueue().orElse(0);
                if (room) {
                    slot = take(named, false);
                } else if (limit > 0 && own.size() >= limit) {
                    full = named;
                } else {
                    waiter = new Waiter(client, request, grant, named);
                    own.add(waiter);
                    named.counters().queued(own.size());
                }
            } else if (usable.isPresent()) {
                Optional<ProxyServer> withRoom = waiting.isEmpty() ? withRoom(usable.get(), request) : Optional.empty();
                if (withRoom.isEmpty()) {
                    waiter = new Waiter(client, request, grant, null);
                    waiting.add(waiter);
                    pool.counters().queued(waiting.size());
                }
                slot = withRoom.map(server -> take(server, false)).orElse(null);
            }
        }
        if (full != null) {
            grant.serverQueueFull(full);
        } else if (slot == null && waiter != null) {
            grant.queued(waiter.ticket);
            watch(waiter, timeout);
        } else if (slot == null) {
            grant.noServer();
        } else {
            grant.granted(slot);
        }
    }

    /**
     * Moves a request to another server with a free place ({@code option redispatch}); the old place
     * is released. Empty (the old place kept) when no other server has room.
     */
    public Optional<ServerSlot> redispatch(ServerSlot current, RequestContext request) {
        ServerSlot moved;
        synchronized (this) {
            Optional<ProxyServer> other = pool.pick(request, Optional.of(current.server()))
                    .filter(s -> s != current.server())
                    .flatMap(s -> withRoom(s, request))
                    .filter(s -> s != current.server());
            if (other.isEmpty()) {
                return Optional.empty();
            }
            moved = take(other.get(), false);
        }
        current.release();
        return Optional.of(moved);
    }

    /** Requests waiting in the backend's queue now. */
    public synchronized int queued() {
        return waiting.size();
    }

    /** Requests waiting in the server's own queue now (only with an algorithm that {@link #pinsRequests}). */
    public synchronized int queued(ProxyServer server) {
        Deque<Waiter> own = serverQueues.get(server);
        return own == null ? 0 : own.size();
    }

    /**
     * Whether the algorithm names one server for a request whatever the servers' load: the hashing
     * ones (configuration.txt 4.2 "balance" source, uri, url_param, hdr, rdp-cookie, hash), which
     * HAProxy does not let skip a full server. The others pick among servers with room.
     */
    private boolean pinsRequests() {
        return switch (pool.config().balance().algorithm()) {
            case SOURCE, URI, URL_PARAM, HDR, RDP_COOKIE, HASH -> true;
            default -> false;
        };
    }

    private Deque<Waiter> serverQueue(ProxyServer server) {
        return serverQueues.computeIfAbsent(server, s -> new ArrayDeque<>());
    }

    /** Places in use on the server now. */
    public synchronized int served(ProxyServer server) {
        return served.getOrDefault(server, 0);
    }

    /**
     * The picked server when it has room, else another one with room (the algorithm is asked again,
     * once per server at most, as HAProxy's algorithms skip full servers).
     */
    private Optional<ProxyServer> withRoom(ProxyServer picked, RequestContext request) {
        if (hasRoom(picked)) {
            return Optional.of(picked);
        }
        for (int i = 0; i < pool.servers().size(); i++) {
            Optional<ProxyServer> next = pool.pick(request, Optional.empty());
            if (next.isPresent() && hasRoom(next.get())) {
                return next;
            }
        }
        return Optional.empty();
    }

    private boolean hasRoom(ProxyServer server) {
        int limit = server.config().maxconn();
        return limit == 0 || served.getOrDefault(server, 0) < limit;
    }

    private ServerSlot take(ProxyServer server, boolean afterWaiting) {
        served.merge(server, 1, Integer::sum);
        return new ServerSlot(server, this, afterWaiting);
    }

    /** Synchronised: counts of other loops are read under the same lock. */
    synchronized long dispatched() {
        return dispatched;
    }

    /** Arms the queue timeout and the client's leaving for a request just queued. */
    private void watch(Waiter waiter, Optional<Duration> timeout) {
        timeout.ifPresent(t -> waiter.timer = waiter.client.eventLoop().schedule(() -> expire(waiter), t.toNanos(),
                TimeUnit.NANOSECONDS));
        waiter.client.closeFuture().addListener(closed -> leave(waiter));
    }

    /** A client that went away no longer waits. */
    private void leave(Waiter waiter) {
        synchronized (this) {
            if (queueOf(waiter).remove(waiter)) {
                waiter.ticket.left(dispatched);
            }
        }
        cancelTimer(waiter);
    }

    private void expire(Waiter waiter) {
        synchronized (this) {
            if (!queueOf(waiter).remove(waiter)) {
                return; // granted meanwhile
            }
            waiter.ticket.left(dispatched);
        }
        waiter.grant.expired();
    }

    private Deque<Waiter> queueOf(Waiter waiter) {
        return waiter.server == null ? waiting : serverQueue(waiter.server);
    }

    /** A place on {@code server} freed: the oldest waiting request takes it. */
    void released(ProxyServer server) {
        synchronized (this) {
            served.computeIfPresent(server, (s, n) -> n > 1 ? n - 1 : null);
        }
        dispatch(Optional.of(server));
    }

    /**
     * Hands free places to waiting requests, oldest first: on {@code freed} while it is still
     * usable, otherwise wherever the algorithm finds room (after a server came up or a revision
     * added one). Requests waiting for one server get a place on that server only. Clients that
     * went away while waiting are dropped from the queues.
     */
    void dispatch(Optional<ProxyServer> freed) {
        while (true) {
            Waiter next = null;
            ProxyServer target = null;
            ServerSlot slot;
            synchronized (this) {
                Waiter forBackend = activeHead(waiting);
                if (forBackend != null) {
                    Optional<ProxyServer> room = freed.filter(this::canServe).or(() -> pool.pick(forBackend.request,
                            Optional.empty()).flatMap(s -> withRoom(s, forBackend.request)));
                    if (room.isPresent()) {
                        next = forBackend;
                        target = room.get();
                    }
                }
                for (Map.Entry<ProxyServer, Deque<Waiter>> own : serverQueues.entrySet()) {
                    Waiter head = activeHead(own.getValue());
                    if (head != null && canServe(own.getKey()) && (next == null || head.arrival < next.arrival)) {
                        next = head;
                        target = own.getKey();
                    }
                }
                if (next == null) {
                    return;
                }
                queueOf(next).remove(next);
                // HAProxy reads the queue's index for the log before it counts this request.
                next.ticket.left(dispatched);
                dispatched++;
                slot = take(target, true);
            }
            cancelTimer(next);
            Waiter chosen = next;
            next.client.eventLoop().execute(() -> chosen.grant.granted(slot));
        }
    }

    private boolean canServe(ProxyServer server) {
        return server.usable() && pool.contains(server) && hasRoom(server);
    }

    /** The queue's oldest request whose client is still there; those that left are dropped. */
    private Waiter activeHead(Deque<Waiter> queue) {
        Waiter head = queue.peek();
        while (head != null && !head.client.isActive()) {
            queue.poll();
            head.ticket.left(dispatched);
            cancelTimer(head);
            head = queue.peek();
        }
        return head;
    }

    private static void cancelTimer(Waiter waiter) {
        ScheduledFuture<?> timer = waiter.timer;
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
