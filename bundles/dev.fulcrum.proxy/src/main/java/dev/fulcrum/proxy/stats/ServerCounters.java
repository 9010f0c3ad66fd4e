package dev.fulcrum.proxy.stats;

import dev.fulcrum.api.sched.ServerState;
import dev.fulcrum.health.CheckOutcome;
import dev.fulcrum.health.CheckReport;
import java.time.InstantSource;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * A server's counters (its row of {@code show stat}); what the BACKEND row sums is also added to
 * its backend's. Obtained from {@link BackendCounters#server}, so that they survive a redefinition
 * of the server.
 */
public final class ServerCounters {

    private final BackendCounters backend;
    private final InstantSource clock;
    private final Activity activity;
    private final StateHistory history;
    private final AtomicLong idleConnections = new AtomicLong();
    private final ServiceTimes times = new ServiceTimes();
    private final AtomicLong failedChecks = new AtomicLong();
    private final LongAccumulator mostQueued = new LongAccumulator(Math::max, 0);
    private volatile CheckOutcome lastCheck;
    /** The health counter after the last check, -1 before any (check_health). */
    private volatile int health = -1;

    ServerCounters(BackendCounters backend, InstantSource clock) {
        this.backend = backend;
        this.clock = clock;
        this.activity = new Activity(clock);
        this.history = new StateHistory(clock.instant());
    }

    /** The balancing chose this server, first or on a redispatch (lbtot). */
    public void selected() {
        count(Traffic.SELECTED);
        activity.touch();
    }

    /**
     * A new connection to the server is attempted: HAProxy counts each attempt, retries included,
     * as a session of the server (stot) and a connect.
     */
    public void attempted() {
        activity.session();
        count(Traffic.SERVER_CONNECTS);
    }

    /**
     * The request (http) or connection (tcp) now has its server connection, a new one or an idle
     * one taken over; taking an idle one is the session and a reuse (the server's req_tot).
     *
     * @param openConnections the server's open connections now, idle ones included
     */
    public void connected(boolean reused, long openConnections) {
        if (reused) {
            activity.session();
            count(Traffic.SERVER_REUSES);
        }
        activity.count(Traffic.REQUESTS);
        long busy = openConnections - idleConnections.get();
        activity.sessions().observed(busy);
        backend.activity().sessions().observed(busy);
    }

    /** Every attempt to connect failed: the request or connection errs with econ. */
    public void connectFailed() {
        count(Traffic.CONNECT_ERRORS);
    }

    /** A request joined the server's own queue, which now holds {@code length} requests (qmax). */
    public void queued(int length) {
        mostQueued.accumulate(length);
    }

    /** The most requests the server's queue ever held at once (qmax). */
    public long mostQueued() {
        return mostQueued.get();
    }

    /** A connection attempt is retried (wretr). */
    public void retried() {
        count(Traffic.RETRIES);
    }

    /** The last retry goes to another server (wredis, counted on the server left). */
    public void redispatched() {
        count(Traffic.REDISPATCHES);
    }

    /** The server's response was invalid or missing (eresp). */
    public void responseFailed() {
        count(Traffic.RESPONSE_ERRORS);
    }

    void responded(int status) {
        count(Traffic.responseClass(status));
    }

    /** Bytes sent to (bin) or received from (bout) the server. */
    public void bytes(Traffic direction, long amount) {
        activity.add(direction, amount);
        backend.activity().add(direction, amount);
    }

    /** A connection to the server was parked idle (+1) or left the idle pool (-1). */
    public void idle(int change) {
        idleConnections.addAndGet(change);
    }

    /** The server's state changed; only UP/DOWN transitions are history (lastchg, downtime, chkdown). */
    public void stateChanged(ServerState state) {
        history.record(state == ServerState.DOWN, clock.instant());
    }

    /** The health check that decided the server's last UP/DOWN verdict (check_status, check_desc...). */
    public void checked(CheckOutcome outcome) {
        lastCheck = outcome;
    }

    /** Any check's result: the last check shown, chkfail and check_health (management.txt 9.1). */
    public void checked(CheckReport report) {
        lastCheck = report.outcome();
        report.health().ifPresent(h -> health = h);
        if (report.failedWhileUp()) {
            failedChecks.incrementAndGet();
        }
    }

    public Optional<CheckOutcome> lastCheck() {
        return Optional.ofNullable(lastCheck);
    }

    /** Failed checks that found the server up or rising (chkfail). */
    public long failedChecks() {
        return failedChecks.get();
    }

    /** The health counter after the last check (check_health), empty before any report. */
    public OptionalInt health() {
        int now = health;
        return now < 0 ? OptionalInt.empty() : OptionalInt.of(now);
    }

    /**
     * The client's connection closed or failed while this server served it (cli_abrt); the
     * caller decides that data was being transferred.
     */
    public void clientAborted() {
        count(Traffic.CLIENT_ABORTS);
    }

    /**
     * The server's connection closed or failed while its response was being transferred:
     * srv_abrt, which management.txt 9.1 says is included in eresp (haproxy 2.6.12 counts both,
     * StatsDifferentialTest).
     */
    public void serverAborted() {
        count(Traffic.SERVER_ABORTS);
        count(Traffic.RESPONSE_ERRORS);
    }

    /** qtime, ctime, rtime, ttime of the requests this server served. */
    public ServiceTimes times() {
        return times;
    }

    private void count(Traffic counter) {
        activity.count(counter);
        backend.activity().count(counter);
    }

    public Activity activity() {
        return activity;
    }

    public long idleConnections() {
        return idleConnections.get();
    }

    public StateHistory history() {
        return history;
    }
}
