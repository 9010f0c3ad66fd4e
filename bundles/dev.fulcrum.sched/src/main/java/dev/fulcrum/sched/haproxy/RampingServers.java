package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.ServerView;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The servers still in their 5.2 "slowstart" ramp, for the dynamic algorithms (roundrobin, leastconn).
 * HAProxy re-weighs them at each health check; here the picks do, when the clock has moved on by a
 * millisecond, so the cost while nobody ramps is one emptiness check. Not thread-safe.
 */
final class RampingServers {

    /** Takes a ramping server's weight at the step's time, and whether it still ramps after. */
    @FunctionalInterface
    interface Reweigh {
        void accept(ServerView server, int weight, boolean stillRamping);
    }

    private final InstantSource clock;
    private final Map<String, ServerView> ramping = new HashMap<>();
    private long steppedAtMillis = Long.MIN_VALUE;

    RampingServers(InstantSource clock) {
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** Tracks the server while it ramps at {@code now}. */
    void update(ServerView server, Instant now) {
        if (SlowStart.ramping(server, now)) {
            ramping.put(server.id(), server);
        } else {
            ramping.remove(server.id());
        }
    }

    void forget(ServerView server) {
        ramping.remove(server.id());
    }

    /** Hands every ramping server with its weight now to {@code reweigh}; at most once per clock millisecond. */
    void step(Reweigh reweigh) {
        if (ramping.isEmpty()) {
            return;
        }
        long millis = clock.millis();
        if (millis == steppedAtMillis) {
            return;
        }
        steppedAtMillis = millis;
        Instant now = Instant.ofEpochMilli(millis);
        for (Iterator<ServerView> it = ramping.values().iterator(); it.hasNext();) {
            ServerView server = it.next();
            boolean stillRamping = SlowStart.ramping(server, now);
            reweigh.accept(server, SlowStart.effectiveWeight(server, now), stillRamping);
            if (!stillRamping) {
                it.remove();
            }
        }
    }
}
