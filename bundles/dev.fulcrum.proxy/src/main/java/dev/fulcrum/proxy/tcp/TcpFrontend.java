package dev.fulcrum.proxy.tcp;

import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.Timeouts;
import dev.fulcrum.proxy.log.TcpSessionLog;
import dev.fulcrum.proxy.net.ClientPipeline;
import dev.fulcrum.proxy.net.ConnectionGate;
import dev.fulcrum.proxy.net.EarlyInput;
import dev.fulcrum.proxy.net.IdleCloseHandler;
import dev.fulcrum.proxy.net.TunnelTimeout;
import dev.fulcrum.proxy.pool.BackendPool;
import dev.fulcrum.proxy.pool.ConnectionRequest;
import dev.fulcrum.proxy.pool.ProxyServer;
import dev.fulcrum.proxy.pool.QueueTicket;
import dev.fulcrum.proxy.pool.ServerConnector;
import dev.fulcrum.proxy.pool.ServerSlot;
import dev.fulcrum.proxy.route.FrontendContext;
import dev.fulcrum.proxy.stats.RequestTimer;
import dev.fulcrum.proxy.stats.ServerCounters;
import io.netty.channel.Channel;
import java.util.Optional;

/**
 * A {@code mode tcp} frontend: each client connection is admitted under {@code maxconn}, routed
 * (default_backend, use_backend with {@code src} ACLs), connected to a server at once, then relayed
 * byte for byte in both directions with the inactivity timeouts of each side, or with
 * {@code timeout tunnel} for both once the server connection is up (configuration.txt 4.2 "timeout
 * tunnel": "In TCP, this timeout is used as soon as no analyzer remains attached").
 */
public final class TcpFrontend implements ClientPipeline {

    private final FrontendContext context;

    public TcpFrontend(FrontendContext context) {
        this.context = context;
    }

    @Override
    public ConnectionGate gate() {
        return context.gate();
    }

    @Override
    public void accept(Channel client) {
        context.config().timeouts().client().ifPresent(t -> client.pipeline().addLast(IdleCloseHandler.NAME, new IdleCloseHandler(t)));
        context.log().accepted(client, Mode.TCP);
        TcpSessionLog log = TcpSessionLog.start(context.log(), context.gate(), client);
        client.pipeline().addLast(EarlyInput.NAME, new EarlyInput());
        context.gate().admit(client, () -> connect(client, log));
    }

    private void connect(Channel client, TcpSessionLog log) {
        if (!client.isActive()) {
            return;
        }
        ConnectionRequest request = ConnectionRequest.of(client);
        Optional<BackendPool> pool = context.router().route(request).flatMap(context.backends()::backend);
        if (pool.isEmpty()) {
            log.noServer();
            client.close();
            return;
        }
        log.backend(pool.get());
        int clientPort = request.destinationPort();
        context.connector().connect(client, pool.get(), request, clientPort, new ServerConnector.Outcome() {
            @Override
            public void connected(Channel server, ServerSlot slot) {
                // The place under the server's maxconn is held as long as the connection lives;
                // its end is the connection's qtime/ctime/ttime sample.
                RequestTimer timer = slot.timer();
                server.closeFuture().addListener(closed -> {
                    slot.release();
                    timer.ended();
                });
                if (!client.isActive()) {
                    server.close();
                    return;
                }
                Timeouts backend = pool.get().config().timeouts();
                // 4.2 "timeout tunnel" is a backend keyword (defaults, listen, backend sections).
                if (backend.tunnel().isPresent()) {
                    TunnelTimeout.install(client, server, backend.tunnel().get());
                } else {
                    backend.server().ifPresent(t -> server.pipeline().addLast(IdleCloseHandler.NAME, new IdleCloseHandler(t)));
                }
                log.connected(slot.server(), server);
                ServerCounters counters = slot.server().counters();
                server.pipeline().addLast(new RelayHandler(client, counters::serverAborted));
                client.pipeline().addLast(new RelayHandler(server, counters::clientAborted));
                EarlyInput early = (EarlyInput) client.pipeline().get(EarlyInput.NAME);
                early.replay(client.pipeline().context(early));
            }

            @Override
            public void failed(ServerConnector.Failure failure) {
                // HAProxy closes the client connection when no server could be reached in tcp mode.
                if (failure == ServerConnector.Failure.QUEUE_TIMEOUT) {
                    log.queueExpired();
                } else {
                    log.noServer();
                }
                client.close();
            }

            @Override
            public void attempting(ProxyServer server, int retry) {
                log.attempt(server, retry);
            }

            @Override
            public void queued(QueueTicket ticket) {
                log.queued(ticket);
            }
        });
    }
}
