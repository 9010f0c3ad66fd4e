package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.ServerView;
import java.time.Duration;
import java.time.Instant;

/**
 * configuration.txt 5.2 "slowstart": after a server comes up, its effective weight ramps from almost
 * nothing to its configured weight over the slow-start period, proportionally to the time elapsed
 * (rounded up, at least 1, so the server is never cut off).
 */
final class SlowStart {

    private SlowStart() {
    }

    /** Whether the server is still ramping up at {@code now}. */
    static boolean ramping(ServerView server, Instant now) {
        Duration period = server.slowStart();
        return !period.isZero() && !period.isNegative() && now.isBefore(server.upSince().plus(period));
    }

    /** The weight the server has at {@code now}: its configured weight once the ramp is over. */
    static int effectiveWeight(ServerView server, Instant now) {
        int weight = server.weight();
        if (!ramping(server, now)) {
            return weight;
        }
        long elapsed = Math.max(0, Duration.between(server.upSince(), now).toMillis());
        long period = server.slowStart().toMillis();
        if (period <= 0) {
            return weight;
        }
        long ramped = (weight * elapsed + period - 1) / period;
        return (int) Math.max(1, Math.min(weight, ramped));
    }
}
