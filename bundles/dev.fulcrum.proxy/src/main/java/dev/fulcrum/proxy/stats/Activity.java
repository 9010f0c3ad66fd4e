package dev.fulcrum.proxy.stats;

import java.time.InstantSource;

/**
 * What every row of {@code show stat} counts, whatever its kind: the cumulative {@link Traffic}
 * counters, the sessions open now and at most ({@code scur}, {@code smax}), the session rate
 * ({@code rate}, {@code rate_max}) and when the last session came ({@code lastsess}).
 */
public final class Activity {

    private final InstantSource clock;
    private final TrafficCounters traffic = new TrafficCounters();
    private final SessionGauge sessions = new SessionGauge();
    private final EventRate sessionRate;
    private volatile long lastSessionMillis = -1;

    Activity(InstantSource clock) {
        this.clock = clock;
        this.sessionRate = new EventRate(clock);
    }

    void count(Traffic counter) {
        traffic.increment(counter);
    }

    void add(Traffic counter, long amount) {
        traffic.add(counter, amount);
    }

    /** A session began: it counts in stot and in the session rate. */
    void session() {
        traffic.increment(Traffic.SESSIONS);
        sessionRate.mark();
    }

    /** Now is the last session's time (lastsess). */
    void touch() {
        lastSessionMillis = clock.millis();
    }

    public long get(Traffic counter) {
        return traffic.get(counter);
    }

    public SessionGauge sessions() {
        return sessions;
    }

    public EventRate sessionRate() {
        return sessionRate;
    }

    /** Seconds since the last session, -1 when none ever came (lastsess). */
    public long secondsSinceLastSession() {
        long last = lastSessionMillis;
        return last < 0 ? -1 : (clock.millis() - last) / 1000;
    }
}
