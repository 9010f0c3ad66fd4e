package dev.fulcrum.proxy.log;

import dev.fulcrum.proxy.pool.BackendPool;
import dev.fulcrum.proxy.pool.ProxyServer;
import java.util.Optional;

/**
 * The backend and server a connection or request went to, and how many connection attempts it took:
 * {@code %b/%s} and {@code %rc} (configuration.txt 8.2.3: "retries", shown as "+N" when the session
 * was redispatched to another server, 4.2 "option redispatch").
 */
final class ServerAttempts {

    private BackendPool pool;
    private ProxyServer server;
    private int retries;
    private boolean redispatched;

    void backend(BackendPool chosen) {
        pool = chosen;
    }

    /** @param retry 0 for the first attempt */
    void attempt(ProxyServer target, int retry) {
        if (server != null && target != server) {
            redispatched = true;
        }
        server = target;
        retries = retry;
    }

    BackendPool pool() {
        return pool;
    }

    ProxyServer server() {
        return server;
    }

    /** {@code %b}: the frontend's own name while no backend was chosen (measured with haproxy 2.6.12). */
    String backendName(String frontend) {
        return pool == null ? frontend : pool.config().name();
    }

    Optional<String> serverName() {
        return server == null ? Optional.empty() : Optional.of(server.config().name());
    }

    int retries() {
        return retries;
    }

    boolean redispatched() {
        return redispatched;
    }

    void clear() {
        pool = null;
        server = null;
        retries = 0;
        redispatched = false;
    }
}
