package dev.fulcrum.proxy.stats;

import java.time.InstantSource;

/**
 * A frontend's counters (the FRONTEND row of {@code show stat}). Called from the event loops of its
 * client connections; every method is a few lock-free additions.
 */
public final class FrontendCounters {

    private final Activity activity;
    private final EventRate connectionRate;
    private final EventRate requestRate;

    public FrontendCounters(InstantSource clock) {
        this.activity = new Activity(clock);
        this.connectionRate = new EventRate(clock);
        this.requestRate = new EventRate(clock);
    }

    /** A client connection was accepted: a session (stot) and a connection (conn_tot). */
    public void connectionAccepted() {
        activity.session();
        activity.count(Traffic.CONNECTIONS);
        activity.sessions().opened();
        connectionRate.mark();
    }

    public void connectionClosed() {
        activity.sessions().closed();
    }

    /** An HTTP request head was read. */
    public void requestReceived() {
        activity.count(Traffic.REQUESTS);
        requestRate.mark();
    }

    /** A request HAProxy would reject as invalid (ereq); it counts as a request too, as in HAProxy. */
    public void invalidRequest() {
        activity.count(Traffic.REQUEST_ERRORS);
        requestReceived();
    }

    /**
     * The client closed the connection before a complete first request: HAProxy counts it as an
     * invalid request answered 400 unless "option http-ignore-probes" is set (configuration.txt 4.2).
     */
    public void abandoned() {
        invalidRequest();
        answered(400);
    }

    /** The proxy answered by itself (an error page): the frontend's hrsp_* only. */
    public void answered(int status) {
        activity.count(Traffic.responseClass(status));
    }

    /** A server's response went to the client: counted on the frontend, the server and its backend. */
    public void responded(ServerCounters server, int status) {
        answered(status);
        server.responded(status);
    }

    /** Bytes from (bin) or to (bout) the clients. */
    public void bytes(Traffic direction, long amount) {
        activity.add(direction, amount);
    }

    public Activity activity() {
        return activity;
    }

    public EventRate connectionRate() {
        return connectionRate;
    }

    public EventRate requestRate() {
        return requestRate;
    }
}
