package dev.fulcrum.proxy.stats;

import java.time.InstantSource;

/**
 * The timeline of one request (http) or connection (tcp) from the moment it asks its backend for
 * a server: when it left the queue, when its server connection was up, when the response head came,
 * when it ended. Its end adds one sample to the server's and the backend's {@link ServiceTimes},
 * as HAProxy's stream_update_time_stats() does: only when a server connection was made, and in http
 * mode only when a response head came (a 503, 504 or aborted request adds nothing). Used on the
 * client's event loop only.
 */
public final class RequestTimer {

    private final InstantSource clock;
    private final BackendCounters backend;
    private final boolean http;
    private final long start;
    private long dequeued = -1;
    private long connected = -1;
    private long responded = -1;
    private ServerCounters server;
    private boolean ended;

    RequestTimer(InstantSource clock, BackendCounters backend, boolean http) {
        this.clock = clock;
        this.backend = backend;
        this.http = http;
        this.start = clock.millis();
    }

    /** A place on a server was granted, at once or after waiting in the queue. */
    public void dequeued() {
        dequeued = clock.millis();
    }

    /** The server connection is up, new or reused. */
    public void connected(ServerCounters target) {
        server = target;
        connected = clock.millis();
        if (dequeued < 0) {
            dequeued = start;
        }
    }

    /** The final response head arrived (http). */
    public void responded() {
        responded = clock.millis();
    }

    /** The request or connection ended; the first call counts, later ones do nothing. */
    public void ended() {
        if (ended) {
            return;
        }
        ended = true;
        if (server == null || (http && responded < 0)) {
            return;
        }
        long end = clock.millis();
        long queue = dequeued - start;
        long connect = connected - dequeued;
        long response = http ? responded - connected : 0;
        server.times().record(queue, connect, response, end - start);
        backend.times().record(queue, connect, response, end - start);
    }
}
