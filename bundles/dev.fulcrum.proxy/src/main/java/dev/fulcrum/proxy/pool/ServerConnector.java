package dev.fulcrum.proxy.pool;

import dev.fulcrum.api.model.proxy.Backend;
import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.proxy.net.Transport;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Opens the connection to a server for one client connection or request: picks a server, connects
 * within {@code timeout connect}, retries {@code retries} times on the same server and, with
 * {@code option redispatch}, makes the last retry on another server (configuration.txt 4.2
 * "retries", "option redispatch": the default interval -1 redispatches on the last retry).
 */
public final class ServerConnector {

    /** Why no connection could be made; both answer 503 in http mode, as HAProxy does. */
    public enum Failure {
        /** No server of the backend is usable. */
        NO_SERVER,
        /** Every attempt failed (refused, unreachable, or timeout connect). */
        CONNECT_FAILED
    }

    /** Called once, on the loop of the requesting channel. */
    public interface Outcome {
        void connected(Channel server, ProxyServer picked);

        void failed(Failure failure);

        /** A connection attempt to {@code server} begins; {@code retry} is 0 for the first (for the logs' %s and %rc). */
        default void attempting(ProxyServer server, int retry) {
        }
    }

    private static final long TURN_AROUND_MILLIS = 1000;

    private final Transport transport;

    public ServerConnector(Transport transport) {
        this.transport = transport;
    }

    /**
     * @param loop       the client channel's loop: both sides then run on one thread
     * @param clientPort the port the client connected to (for servers without a port)
     */
    public void connect(EventLoop loop, BackendPool pool, RequestContext request, int clientPort, Outcome outcome) {
        connect(loop, pool, request, clientPort, false, outcome);
    }

    /**
     * @param mayReuse whether an idle connection to the picked server may serve (the caller's
     *                 reuse rule); a reused connection is never retried
     */
    public void connect(EventLoop loop, BackendPool pool, RequestContext request, int clientPort, boolean mayReuse,
            Outcome outcome) {
        Optional<ProxyServer> first = pool.pick(request, Optional.empty());
        if (first.isEmpty()) {
            outcome.failed(Failure.NO_SERVER);
            return;
        }
        Optional<Channel> idle = mayReuse ? pool.idle().take(loop, first.get()) : Optional.empty();
        if (idle.isPresent()) {
            outcome.connected(idle.get(), first.get());
            return;
        }
        attempt(loop, pool, request, clientPort, first.get(), 0, outcome);
    }

    private void attempt(EventLoop loop, BackendPool pool, RequestContext request, int clientPort, ProxyServer server,
            int retry, Outcome outcome) {
        outcome.attempting(server, retry);
        Backend backend = pool.config();
        int connectMillis = backend.timeouts().connect().map(ServerConnector::millis).orElse(0);
        ChannelFuture future = transport.clientBootstrap(loop)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectMillis)
                .handler(new ChannelInboundHandlerAdapter())
                .connect(server.target(clientPort));
        future.addListener((ChannelFuture done) -> {
            if (done.isSuccess()) {
                transport.track(done.channel());
                pool.connectionOpened(server);
                done.channel().closeFuture().addListener(closed -> pool.connectionClosed(server));
                outcome.connected(done.channel(), server);
                return;
            }
            int nextRetry = retry + 1;
            if (nextRetry > backend.retries()) {
                outcome.failed(Failure.CONNECT_FAILED);
                return;
            }
            boolean redispatch = backend.redispatch() && nextRetry == backend.retries();
            ProxyServer next = redispatch ? pool.pick(request, Optional.of(server)).orElse(server) : server;
            if (next != server) {
                attempt(loop, pool, request, clientPort, next, nextRetry, outcome);
                return;
            }
            // 4.2 "retries": a turn-around timer of min("timeout connect", one second) before a
            // retry on the same server, so that a restarting server is not hammered.
            long pause = Math.min(connectMillis == 0 ? TURN_AROUND_MILLIS : connectMillis, TURN_AROUND_MILLIS);
            loop.schedule(() -> attempt(loop, pool, request, clientPort, next, nextRetry, outcome), pause,
                    TimeUnit.MILLISECONDS);
        });
    }

    static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
    }
}
