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
 * Per-server {@code maxconn} and the backend's queue, as HAProxy 2.6 runs them (configuration.txt
 * 5.2 "maxconn", 4.2 "timeout queue"): a request goes to a server with a free place; when every
 * usable server is full it waits in the backend's queue, oldest first; when a place frees, the
 * oldest waiting request gets it on that server. While requests wait, new ones queue behind them
 * (HAProxy does not let a newcomer overtake the queue). A request that waits longer than its queue
 * timeout leaves the queue. Servers without maxconn (0) always have room.
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
    }

    private final class Waiter {
        final Channel client;
        final RequestContext request;
        final Grant grant;
        final QueueTicket ticket;
        ScheduledFuture<?> timer;

        Waiter(Channel client, RequestContext request, Grant grant, QueueTicket ticket) {
            this.client = client;
            this.request = request;
            this.grant = grant;
            this.ticket = ticket;
        }
    }

    private final BackendPool pool;
    private final Deque<Waiter> waiting = new ArrayDeque<>();
    private final Map<ProxyServer, Integer> served = new HashMap<>();
    /** Places handed to queued requests since the start, the index behind each {@link QueueTicket}. */
    private long dispatched;

    BackendQueue(BackendPool pool) {
        this.pool = pool;
    }

    /**
     * A place for the client's request now, or in the queue for at most {@code timeout} (empty:
     * as long as it takes). Call on the client's loop.
     */
    public void acquire(Channel client, RequestContext request, Optional<Duration> timeout, Grant grant) {
        ServerSlot slot;
        Waiter waiter = null;
        synchronized (this) {
            Optional<ProxyServer> usable = pool.pick(request, Optional.empty());
            if (usable.isEmpty()) {
                slot = null;
            } else {
                Optional<ProxyServer> withRoom = waiting.isEmpty() ? withRoom(usable.get(), request) : Optional.empty();
                if (withRoom.isEmpty()) {
                    waiter = new Waiter(client, request, grant, new QueueTicket(this, dispatched));
                    waiting.add(waiter);
                    pool.counters().queued(waiting.size());
                }
                slot = withRoom.map(server -> take(server, false)).orElse(null);
            }
        }
        if (slot == null && waiter != null) {
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

    /** Requests waiting now. */
    public synchronized int queued() {
        return waiting.size();
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
            if (waiting.remove(waiter)) {
                waiter.ticket.left(dispatched);
            }
        }
        cancelTimer(waiter);
    }

    private void expire(Waiter waiter) {
        synchronized (this) {
            if (!waiting.remove(waiter)) {
                return; // granted meanwhile
            }
            waiter.ticket.left(dispatched);
        }
        waiter.grant.expired();
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
     * added one). Clients that went away while waiting are dropped from the queue.
     */
    void dispatch(Optional<ProxyServer> freed) {
        while (true) {
            Waiter next;
            ServerSlot slot;
            synchronized (this) {
                next = waiting.peek();
                if (next == null) {
                    return;
                }
                if (!next.client.isActive()) {
                    waiting.poll();
                    next.ticket.left(dispatched);
                    cancelTimer(next);
                    continue;
                }
                Optional<ProxyServer> target = freed.filter(s -> s.usable() && pool.contains(s) && hasRoom(s))
                        .or(() -> pool.pick(next.request, Optional.empty()).flatMap(s -> withRoom(s, next.request)));
                if (target.isEmpty()) {
                    return;
                }
                waiting.poll();
                // HAProxy reads the queue's index for the log before it counts this request.
                next.ticket.left(dispatched);
                dispatched++;
                slot = take(target.get(), true);
            }
            cancelTimer(next);
            next.client.eventLoop().execute(() -> next.grant.granted(slot));
        }
    }

    private static void cancelTimer(Waiter waiter) {
        ScheduledFuture<?> timer = waiter.timer;
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
