package dev.fulcrum.proxy.pool;

import dev.fulcrum.api.model.proxy.Backend;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.Timeouts;
import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.proxy.net.Transport;
import dev.fulcrum.proxy.stats.ByteCounter;
import dev.fulcrum.proxy.stats.RequestTimer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Opens the connection to a server for one client connection or request: takes a place on a server
 * under its {@code maxconn}, waiting in the backend's queue when every usable server is full
 * ({@link BackendQueue}, 4.2 "timeout queue", which defaults to "timeout connect"), connects within
 * {@code timeout connect}, retries {@code retries} times on the same server and, with
 * {@code option redispatch}, makes the last retry on another server (configuration.txt 4.2
 * "retries", "option redispatch": the default interval -1 redispatches on the last retry).
 */
public final class ServerConnector {

    /** Why no connection could be made; all answer 503 in http mode, as HAProxy does. */
    public enum Failure {
        /** No server of the backend is usable. */
        NO_SERVER,
        /** Every attempt failed (refused, unreachable, or timeout connect). */
        CONNECT_FAILED,
        /** Every usable server stayed at its maxconn for the whole "timeout queue". */
        QUEUE_TIMEOUT,
        /** The server the hashing algorithm named is full and so is its queue (5.2 "maxqueue"). */
        QUEUE_FULL
    }

    /** Called once, on the loop of the requesting channel. */
    public interface Outcome {
        /**
         * @param slot the place on the server this use holds; the caller releases it when the use
         *             ends (tcp: the connection closes; http: the response ends)
         */
        void connected(Channel server, ServerSlot slot);

        void failed(Failure failure);

        /** A connection attempt to {@code server} begins; {@code retry} is 0 for the first (for the logs' %s and %rc). */
        default void attempting(ProxyServer server, int retry) {
        }

        /** Every usable server is full: the request waits in the backend's queue (for the logs' %Tw and %bq). */
        default void queued(QueueTicket ticket) {
        }
    }

    private static final long TURN_AROUND_MILLIS = 1000;

    private final Transport transport;

    public ServerConnector(Transport transport) {
        this.transport = transport;
    }

    /**
     * @param client     the requesting connection: the server side runs on its loop, so both
     *                   sides stay on one thread
     * @param clientPort the port the client connected to (for servers without a port)
     */
    public void connect(Channel client, BackendPool pool, RequestContext request, int clientPort, Outcome outcome) {
        connect(client, pool, request, clientPort, false, outcome);
    }

    /**
     * @param mayReuse whether an idle connection to the picked server may serve (the caller's
     *                 reuse rule); a reused connection is never retried
     */
    public void connect(Channel client, BackendPool pool, RequestContext request, int clientPort, boolean mayReuse,
            Outcome outcome) {
        pool.counters().assigned();
        RequestTimer timer = pool.counters().timer(pool.config().mode() == Mode.HTTP);
        Timeouts timeouts = pool.config().timeouts();
        pool.queue().acquire(client, request, timeouts.queue().or(timeouts::connect), new BackendQueue.Grant() {
            @Override
            public void granted(ServerSlot slot) {
                if (!client.isActive()) {
                    slot.release(); // the client left while its place was being handed over
                    return;
                }
                ProxyServer server = slot.server();
                timer.dequeued();
                if (!slot.afterWaiting()) {
                    // lbtot counts the balancing's choices: HAProxy 2.6 does not count a place
                    // handed over from the queue (checked by StatsDifferentialTest).
                    server.counters().selected();
                }
                EventLoop loop = client.eventLoop();
                Optional<Channel> idle = mayReuse ? pool.idle().take(loop, server) : Optional.empty();
                if (idle.isPresent()) {
                    server.counters().connected(true, server.activeConnections());
                    timer.connected(server.counters());
                    slot.timer(timer);
                    outcome.connected(idle.get(), slot);
                } else {
                    attempt(loop, pool, request, clientPort, slot, 0, timer, outcome);
                }
            }

            @Override
            public void noServer() {
                outcome.failed(Failure.NO_SERVER);
            }

            @Override
            public void expired() {
                pool.counters().queueExpired();
                outcome.failed(Failure.QUEUE_TIMEOUT);
            }

            @Override
            public void queued(QueueTicket ticket) {
                outcome.queued(ticket);
            }

            @Override
            public void serverQueueFull(ProxyServer server) {
                // HAProxy's srv_redispatch_connect(), SRV_STATUS_FULL without cookie persistence:
                // a failed connection of the server and the backend, and a 503.
                server.counters().connectFailed();
                outcome.failed(Failure.QUEUE_FULL);
            }
        });
    }

    private void attempt(EventLoop loop, BackendPool pool, RequestContext request, int clientPort, ServerSlot slot,
            int retry, RequestTimer timer, Outcome outcome) {
        Backend backend = pool.config();
        ProxyServer server = slot.server();
        server.counters().attempted();
        outcome.attempting(server, retry);
        int connectMillis = backend.timeouts().connect().map(ServerConnector::millis).orElse(0);
        ChannelFuture future = transport.clientBootstrap(loop)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectMillis)
                .handler(ByteCounter.server(server.counters()))
                .connect(server.target(clientPort));
        future.addListener((ChannelFuture done) -> {
            if (done.isSuccess()) {
                transport.track(done.channel());
                pool.connectionOpened(server);
                server.counters().connected(false, server.activeConnections());
                done.channel().closeFuture().addListener(closed -> pool.connectionClosed(server));
                timer.connected(server.counters());
                slot.timer(timer);
                outcome.connected(done.channel(), slot);
                return;
            }
            int nextRetry = retry + 1;
            if (nextRetry > backend.retries()) {
                server.counters().connectFailed();
                slot.release();
                outcome.failed(Failure.CONNECT_FAILED);
                return;
            }
            boolean redispatch = backend.redispatch() && nextRetry == backend.retries();
            Optional<ServerSlot> moved = redispatch ? pool.queue().redispatch(slot, request) : Optional.empty();
            server.counters().retried();
            if (moved.isPresent()) {
                server.counters().redispatched();
                moved.get().server().counters().selected();
                attempt(loop, pool, request, clientPort, moved.get(), nextRetry, timer, outcome);
                return;
            }
            // 4.2 "retries": a turn-around timer of min("timeout connect", one second) before a
            // retry on the same server, so that a restarting server is not hammered.
            long pause = Math.min(connectMillis == 0 ? TURN_AROUND_MILLIS : connectMillis, TURN_AROUND_MILLIS);
            loop.schedule(() -> attempt(loop, pool, request, clientPort, slot, nextRetry, timer, outcome), pause,
                    TimeUnit.MILLISECONDS);
        });
    }

    static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
    }
}
