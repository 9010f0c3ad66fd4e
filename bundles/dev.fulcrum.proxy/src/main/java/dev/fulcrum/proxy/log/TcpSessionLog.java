package dev.fulcrum.proxy.log;

import dev.fulcrum.proxy.net.ConnectionGate;
import dev.fulcrum.proxy.pool.ProxyServer;
import dev.fulcrum.proxy.tls.TlsTermination;
import dev.fulcrum.syslog.logformat.Captures;
import dev.fulcrum.syslog.logformat.LogFacts;
import dev.fulcrum.syslog.logformat.SessionPhase;
import dev.fulcrum.syslog.logformat.TerminationCause;
import dev.fulcrum.syslog.logformat.TerminationState;
import dev.fulcrum.syslog.logformat.Timers;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * The facts of one tcp-mode connection, logged as one "option tcplog" (configuration.txt 8.2.2) or
 * "log-format" line when the client side closes. Timers (8.4): Tw the wait in the backend's queue
 * ({@link SessionLog}), Tc the connect, Tt accept to close; -1 for a step never reached. The
 * termination state (8.5) is the first abnormal event seen: a reset or error on the client (C) or
 * server (S) side, an inactivity timeout (c, s: {@code timeout client}, {@code timeout server}), no
 * server (SC) or "timeout queue" (sQ); otherwise "--". Its phase is Q while the connection waited
 * in the queue, C before the server connection was up, D after. When the frontend does not log, every call returns at once.
 */
public final class TcpSessionLog extends SessionLog {

    private static final TcpSessionLog OFF = new TcpSessionLog(null, null, null, null);

    static final String WATCH = "log-watch";

    private Channel server;
    private TerminationCause cause = TerminationCause.NORMAL;

    private TcpSessionLog(FrontendLog log, ConnectionGate gate, Channel client, ClientTraffic traffic) {
        super(log, gate, client, traffic);
    }

    /**
     * The log of a newly accepted connection: watches the client's pipeline from here (call it
     * after the inactivity-timeout handler and before anything that holds reads) and logs when the
     * client connection closes. Call it before the maxconn gate admits the connection: the line is
     * then written before the gate releases the slot, and feconn still counts the connection.
     */
    public static TcpSessionLog start(FrontendLog log, ConnectionGate gate, Channel client) {
        if (!log.tcpLog()) {
            return OFF;
        }
        TcpSessionLog session = new TcpSessionLog(log, gate, client, countTraffic(log, client));
        client.pipeline().addLast(WATCH, new Watch(session, TerminationCause.CLIENT_ABORT, TerminationCause.CLIENT_TIMEOUT));
        client.closeFuture().addListener(closed -> session.log());
        return session;
    }

    /**
     * The server connection is up: from here its resets and timeouts are watched too (call it after
     * the server's inactivity-timeout handler and before the relay).
     */
    public void connected(ProxyServer picked, Channel connection) {
        if (off()) {
            return;
        }
        server = connection;
        serverUp(picked, connection);
        server.pipeline().addLast(WATCH, new Watch(this, TerminationCause.SERVER_ABORT, TerminationCause.SERVER_TIMEOUT));
    }

    /** No server could be used or reached: the client is closed next, the line says "SC". */
    public void noServer() {
        first(TerminationCause.SERVER_ABORT);
    }

    /** "timeout queue" ran out: the client is closed next, the line says "sQ". */
    public void queueExpired() {
        first(TerminationCause.SERVER_TIMEOUT);
    }

    private void first(TerminationCause event) {
        if (!off() && cause == TerminationCause.NORMAL) {
            cause = event;
        }
    }

    private void log() {
        long now = log.clock().millis();
        Timers timers = new Timers(Timers.NOT_REACHED, queueTimer(now), connectTimer(), Timers.NOT_REACHED,
                Timers.NOT_REACHED, elapsed(acceptMillis, now));
        SessionPhase phase = cause == TerminationCause.NORMAL ? SessionPhase.NORMAL
                : connected() ? SessionPhase.DATA : endsInQueue() ? SessionPhase.QUEUE : SessionPhase.CONNECT;
        Instant accepted = Instant.ofEpochMilli(acceptMillis);
        log.tcp(new LogFacts((InetSocketAddress) client.remoteAddress(), accepted, accepted, log.frontend(),
                TlsTermination.isTls(client), attempts.backendName(log.frontend()), attempts.serverName(), timers, 0,
                traffic.sent(), traffic.received(), TerminationState.of(cause, phase),
                counters(false, server != null && server.isOpen()),
                Captures.NONE, Optional.empty()), line -> details(traffic.received(), line));
    }

    /**
     * Notes the first abnormal event on one side: an I/O error (a reset) or the inactivity event
     * {@link dev.fulcrum.proxy.net.IdleCloseHandler} fires before it closes the side.
     */
    private static final class Watch extends ChannelInboundHandlerAdapter {

        private final TcpSessionLog session;
        private final TerminationCause onError;
        private final TerminationCause onTimeout;

        Watch(TcpSessionLog session, TerminationCause onError, TerminationCause onTimeout) {
            this.session = session;
            this.onError = onError;
            this.onTimeout = onTimeout;
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable error) {
            if (error instanceof IOException) {
                session.first(onError);
            }
            ctx.fireExceptionCaught(error);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof IdleStateEvent) {
                session.first(onTimeout);
            }
            ctx.fireUserEventTriggered(event);
        }
    }
}
