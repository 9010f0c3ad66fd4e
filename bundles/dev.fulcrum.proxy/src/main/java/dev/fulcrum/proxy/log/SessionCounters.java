package dev.fulcrum.proxy.log;

import dev.fulcrum.proxy.net.ConnectionGate;
import dev.fulcrum.proxy.pool.BackendPool;
import dev.fulcrum.proxy.pool.ProxyServer;
import dev.fulcrum.syslog.logformat.Connections;

/**
 * {@code %ac/%fc/%bc/%sc/%rc %sq/%bq} (configuration.txt 8.2.3) read when a line is logged. HAProxy
 * logs before it releases the client connection, so the connection being logged always counts in
 * actconn and feconn: when the maxconn gate already let its slot go, it is added back. beconn and
 * srv_conn count server connections serving a request: parked idle connections are left out, and so
 * is the logged session's own (haproxy 2.6.12 logs 0/0 for a lone request or connection).
 * Requests wait only in the backend's queue (no server is assigned before a place frees, as with
 * HAProxy's load-balancing algorithms), so srv_queue is 0.
 */
final class SessionCounters {

    private SessionCounters() {
    }

    /**
     * @param released whether the gate already released the logged connection's slot
     * @param serverHeld whether the logged session's server connection is still open
     * @param pool    the backend the request or connection went to, null when none was chosen
     * @param server  the server it went to, null when none
     * @param retries connection attempts beyond the first (4.2 "retries")
     * @param backendQueue the request's {@code %bq}, 0 when it did not wait
     */
    static Connections read(FrontendLog log, ConnectionGate gate, boolean released, boolean serverHeld,
            BackendPool pool, ProxyServer server, int retries, boolean redispatched, int backendQueue) {
        int self = released ? 1 : 0;
        int held = serverHeld ? 1 : 0;
        int backend = 0;
        if (pool != null) {
            for (ProxyServer each : pool.servers()) {
                backend += serving(pool, each);
            }
        }
        return new Connections(log.activeConnections() + self, gate.inUse() + self, Math.max(0, backend - held),
                server == null ? 0 : Math.max(0, serving(pool, server) - held), retries, redispatched, 0, backendQueue);
    }

    private static int serving(BackendPool pool, ProxyServer server) {
        return Math.max(0, server.activeConnections() - pool.idle().parked(server));
    }
}
