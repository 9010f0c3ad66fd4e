package dev.fulcrum.proxy.pool;

import dev.fulcrum.proxy.stats.RequestTimer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One place under a server's {@code maxconn} (configuration.txt 5.2 "maxconn"): held by a tcp
 * connection for its whole life, by an http request until its response ends. Releasing it hands the
 * place to the oldest queued request. Release is idempotent, so every path that ends the use
 * (normal end, close, failure) may call it.
 */
public final class ServerSlot {

    private final ProxyServer server;
    private final BackendQueue queue;
    private final boolean afterWaiting;
    private final AtomicBoolean released = new AtomicBoolean();
    private RequestTimer timer;

    ServerSlot(ProxyServer server, BackendQueue queue, boolean afterWaiting) {
        this.server = server;
        this.queue = queue;
        this.afterWaiting = afterWaiting;
    }

    public ProxyServer server() {
        return server;
    }

    /** Whether the request waited in the backend's queue for this place (rather than finding it free). */
    public boolean afterWaiting() {
        return afterWaiting;
    }

    /**
     * The timeline of the request or connection holding this place (for qtime, ctime, rtime,
     * ttime); its holder ends it. Set by the {@link ServerConnector} before the place is handed on.
     */
    public RequestTimer timer() {
        return timer;
    }

    void timer(RequestTimer requestTimer) {
        timer = requestTimer;
    }

    public boolean released() {
        return released.get();
    }

    public void release() {
        if (released.compareAndSet(false, true)) {
            queue.released(server);
        }
    }
}
