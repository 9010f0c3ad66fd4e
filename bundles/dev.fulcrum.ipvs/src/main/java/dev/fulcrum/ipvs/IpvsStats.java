package dev.fulcrum.ipvs;

/**
 * A service's or destination's counters and rates (ip_vs.h IPVS_STATS_ATTR_*, taken from the
 * 64-bit IPVS_*_ATTR_STATS64 nest when the kernel sends it): totals since creation or the last
 * zero, and rates per second as the kernel's estimator computed them.
 */
public record IpvsStats(long connections, long inPackets, long outPackets, long inBytes, long outBytes,
        long connectionsPerSecond, long inPacketsPerSecond, long outPacketsPerSecond, long inBytesPerSecond,
        long outBytesPerSecond) {

    public static final IpvsStats ZERO = new IpvsStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
