package dev.fulcrum.proxy.stats;

import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * A backend's counters (its BACKEND row) and those of its servers by name, so that a server
 * redefined by a new revision keeps its counters (management.txt 9.1 columns of the BACKEND row are
 * the sums of what happened on its servers, plus what happened before a server was chosen).
 */
public final class BackendCounters {

    private final InstantSource clock;
    private final Activity activity;
    private final StateHistory history;
    private final Map<String, ServerCounters> servers = new ConcurrentHashMap<>();
    private final LongAccumulator mostQueued = new LongAccumulator(Math::max, 0);
    private final ServiceTimes times = new ServiceTimes();

    public BackendCounters(InstantSource clock) {
        this.clock = clock;
        this.activity = new Activity(clock);
        this.history = new StateHistory(clock.instant());
    }

    /** The counters of the server of that name: the same instance for as long as the name stays. */
    public ServerCounters server(String name) {
        return servers.computeIfAbsent(name, n -> new ServerCounters(this, clock));
    }

    /** Forgets the servers a new revision removed. */
    public void retainServers(Set<String> names) {
        servers.keySet().retainAll(names);
    }

    /** Whether any server can take traffic now: the backend is UP or DOWN (lastchg, downtime, chkdown). */
    public void usable(boolean anyServerUsable) {
        history.record(!anyServerUsable, clock.instant());
    }

    /**
     * A request (http) or connection (tcp) was assigned to this backend, before any server is
     * chosen: the backend's stot and req_tot count it even when no server takes it.
     */
    public void assigned() {
        activity.session();
        activity.count(Traffic.REQUESTS);
        activity.touch();
    }

    /** The proxy answered a request of this backend by itself (a 503 when no server could take it). */
    public void answered(int status) {
        activity.count(Traffic.responseClass(status));
    }

    /** A request joined the backend's queue, which now holds {@code length} requests (qmax). */
    public void queued(int length) {
        mostQueued.accumulate(length);
    }

    /** The most requests the backend's queue ever held at once (qmax). */
    public long mostQueued() {
        return mostQueued.get();
    }

    /**
     * A queued request waited its whole "timeout queue" (configuration.txt 4.2) without a server:
     * HAProxy counts it as a failed connection of the backend (econ), and no server's, since no
     * server was chosen; the 503 it answers is counted by {@link #answered}.
     */
    public void queueExpired() {
        activity.count(Traffic.CONNECT_ERRORS);
    }

    /**
     * The timeline of a request (http) or connection (tcp) that asks this backend for a server now;
     * its end counts in the times of the backend and of its server.
     */
    public RequestTimer timer(boolean http) {
        return new RequestTimer(clock, this, http);
    }

    /** qtime, ctime, rtime, ttime over the backend's requests. */
    public ServiceTimes times() {
        return times;
    }

    public Activity activity() {
        return activity;
    }

    public StateHistory history() {
        return history;
    }
}
