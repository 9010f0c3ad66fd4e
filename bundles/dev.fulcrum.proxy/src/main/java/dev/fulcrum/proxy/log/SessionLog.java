package dev.fulcrum.proxy.log;

import dev.fulcrum.proxy.net.ConnectionGate;
import dev.fulcrum.proxy.pool.BackendPool;
import dev.fulcrum.proxy.pool.ProxyServer;
import dev.fulcrum.proxy.pool.QueueTicket;
import dev.fulcrum.syslog.logformat.Connections;
import dev.fulcrum.syslog.logformat.SessionDetails;
import dev.fulcrum.syslog.logformat.Timers;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Optional;

/**
 * What the tcplog and httplog facts of one client connection share: when it was accepted, its
 * bytes, the backend and server it went to, its wait in the backend's queue and the connect step
 * (configuration.txt 8.4: Tw is the time spent in the queue, until a place was handed out, the
 * "timeout queue" ran out or the client left; 0 for a request that found a place at once and -1
 * when no server was assigned without queueing; Tc runs from leaving the queue, or from the routing
 * when there was no wait, to the established connection). A log that is off (its frontend does not
 * log in this format) has no traffic counter and ignores every call.
 */
abstract class SessionLog {

    final FrontendLog log;
    final ConnectionGate gate;
    final Channel client;
    final ClientTraffic traffic;
    final ServerAttempts attempts = new ServerAttempts();
    final long acceptMillis;
    private long routedMillis = -1;
    private long connectStartMillis = -1;
    private long connectedMillis = -1;
    /** The request's place in the backend's queue, null when it did not wait. */
    private QueueTicket queueTicket;
    private long queueLeftMillis = -1;
    /** %bi:%bp and %si:%sp of the server connection, read when it came up (a closed channel may forget them). */
    private Optional<InetSocketAddress> serverLocal = Optional.empty();
    private Optional<InetSocketAddress> serverRemote = Optional.empty();

    SessionLog(FrontendLog log, ConnectionGate gate, Channel client, ClientTraffic traffic) {
        this.log = log;
        this.gate = gate;
        this.client = client;
        this.traffic = traffic;
        this.acceptMillis = traffic == null ? 0 : log.clock().millis();
    }

    /** Puts a byte counter in the client's pipeline, where it sees plain bytes (after TLS). */
    static ClientTraffic countTraffic(FrontendLog log, Channel client) {
        ClientTraffic traffic = new ClientTraffic(log.clock());
        client.pipeline().addLast(ClientTraffic.NAME, traffic);
        return traffic;
    }

    final boolean off() {
        return traffic == null;
    }

    /** Routed to {@code pool}: connecting (or taking an idle connection) starts. */
    public final void backend(BackendPool pool) {
        if (!off()) {
            attempts.backend(pool);
            routedMillis = log.clock().millis();
            connectStartMillis = routedMillis;
        }
    }

    /** Every usable server was full: the request waits in the backend's queue. */
    public final void queued(QueueTicket ticket) {
        if (!off()) {
            queueTicket = ticket;
        }
    }

    /** A connection attempt to {@code server} begins; {@code retry} 0 is the first. */
    public final void attempt(ProxyServer server, int retry) {
        if (!off()) {
            leaveQueue();
            attempts.attempt(server, retry);
        }
    }

    /** The server connection is up (new or reused). */
    final void serverUp(ProxyServer picked, Channel connection) {
        serverLocal = inet(connection.localAddress());
        serverRemote = inet(connection.remoteAddress());
        leaveQueue();
        attempts.attempt(picked, attempts.server() == picked ? attempts.retries() : 0);
        connectedMillis = log.clock().millis();
    }

    /** A queued request got its place: the queue wait ends and connecting starts. */
    private void leaveQueue() {
        if (queueTicket != null && queueLeftMillis < 0) {
            queueLeftMillis = log.clock().millis();
            connectStartMillis = queueLeftMillis;
        }
    }

    /** The request ends while it waits in the queue: 8.5's phase "Q" (a queue timeout or a client leaving). */
    final boolean endsInQueue() {
        return queueTicket != null && queueLeftMillis < 0;
    }

    final boolean connected() {
        return connectedMillis >= 0;
    }

    final long connectedMillis() {
        return connectedMillis;
    }

    /** Tw as of {@code now}: a request still queued (expired, or its client left) waited until now. */
    final int queueTimer(long now) {
        if (queueTicket != null) {
            return elapsed(routedMillis, queueLeftMillis >= 0 ? queueLeftMillis : now);
        }
        return attempts.server() != null ? 0 : Timers.NOT_REACHED;
    }

    final int connectTimer() {
        return connected() ? elapsed(connectStartMillis, connectedMillis) : Timers.NOT_REACHED;
    }

    /** Forgets the server side, for the next request on the connection. */
    final void resetServerSide() {
        attempts.clear();
        routedMillis = -1;
        connectStartMillis = -1;
        connectedMillis = -1;
        queueTicket = null;
        queueLeftMillis = -1;
        serverLocal = Optional.empty();
        serverRemote = Optional.empty();
    }

    /** What a log-format shows beyond the facts: addresses and counters (configuration.txt 8.2.6). */
    final SessionDetails details(long bytesUploaded, long line) {
        return new SessionDetails(inet(client.localAddress()), serverLocal, serverRemote, bytesUploaded,
                log.nextRequestId(), line);
    }

    private static Optional<InetSocketAddress> inet(SocketAddress address) {
        return address instanceof InetSocketAddress inet ? Optional.of(inet) : Optional.empty();
    }

    /**
     * @param released   whether the maxconn gate already let the connection's slot go
     * @param serverHeld whether the session's own server connection is still open
     */
    final Connections counters(boolean released, boolean serverHeld) {
        return SessionCounters.read(log, gate, released, serverHeld, attempts.pool(), attempts.server(),
                attempts.retries(), attempts.redispatched(), queueTicket == null ? 0 : queueTicket.position());
    }

    static int elapsed(long from, long to) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, to - from));
    }
}
