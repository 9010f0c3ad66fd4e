package dev.fulcrum.vrrp.fsm;

import java.time.Duration;

/** The derived timer values of RFC 3768 section 6.1 and RFC 5798 section 6.1, exact to the nanosecond. */
public final class Intervals {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Intervals() {
    }

    /**
     * Skew_Time. VRRPv2 (RFC 3768 section 6.1): (256 - Priority) / 256 seconds.
     * VRRPv3 (RFC 5798 section 6.1): ((256 - Priority) * Master_Adver_Interval) / 256.
     */
    public static Duration skewTime(int version, int priority, Duration masterAdverInterval) {
        long base = version == 2 ? NANOS_PER_SECOND : masterAdverInterval.toNanos();
        return Duration.ofNanos((256 - priority) * base / 256);
    }

    /**
     * Master_Down_Interval: (3 * Master_Adver_Interval) + Skew_Time (RFC 5798 section 6.1); keepalived.conf(5)
     * {@code down_timer_adverts} replaces the 3.
     */
    public static Duration masterDownInterval(int version, int priority, Duration masterAdverInterval,
            int downTimerAdverts) {
        return masterAdverInterval.multipliedBy(downTimerAdverts)
                .plus(skewTime(version, priority, masterAdverInterval));
    }
}
