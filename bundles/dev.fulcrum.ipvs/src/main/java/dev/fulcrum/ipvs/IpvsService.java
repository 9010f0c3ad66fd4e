package dev.fulcrum.ipvs;

import java.util.Objects;
import java.util.Optional;

/**
 * One IPVS virtual service (ip_vs.h IPVS_CMD_ATTR_SERVICE).
 *
 * @param scheduler         IPVS_SVC_ATTR_SCHED_NAME ("rr", "wlc", ...)
 * @param flags             IPVS_SVC_ATTR_FLAGS: IP_VS_SVC_F_* ({@link IpvsGenl#SVC_F_PERSISTENT}, ...)
 * @param timeout           IPVS_SVC_ATTR_TIMEOUT: the persistence timeout in seconds, 0 when not persistent
 * @param netmask           IPVS_SVC_ATTR_NETMASK: for IPv4 the mask as a 32-bit number (0xFFFFFF00
 *                          for 255.255.255.0), for IPv6 the prefix length
 * @param persistenceEngine IPVS_SVC_ATTR_PE_NAME ("sip")
 * @param stats             the counters a dump carries; empty in requests
 */
public record IpvsService(IpvsKey key, String scheduler, int flags, long timeout, long netmask,
        Optional<String> persistenceEngine, Optional<IpvsStats> stats) {

    /** IP_VS_SVC_F_* bits the user may set (the kernel owns IP_VS_SVC_F_HASHED). */
    public static final int USER_FLAGS = IpvsGenl.SVC_F_PERSISTENT | IpvsGenl.SVC_F_ONEPACKET
            | IpvsGenl.SVC_F_SCHED1 | IpvsGenl.SVC_F_SCHED2 | IpvsGenl.SVC_F_SCHED3;

    public IpvsService {
        Objects.requireNonNull(key, "key");
        IpvsCodec.checkName("scheduler", scheduler);
        persistenceEngine.ifPresent(name -> IpvsCodec.checkName("persistence engine", name));
        Objects.requireNonNull(stats, "stats");
        if (timeout < 0 || timeout > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("persistence timeout must be 0..4294967295 s: " + timeout);
        }
        long maxMask = key.ipv6() ? 128 : 0xFFFF_FFFFL;
        if (netmask < 0 || netmask > maxMask) {
            throw new IllegalArgumentException("netmask out of range for " + (key.ipv6() ? "IPv6" : "IPv4") + ": " + netmask);
        }
    }

    /** A service as a request carries it: no persistence, full netmask, no statistics. */
    public static IpvsService of(IpvsKey key, String scheduler) {
        return new IpvsService(key, scheduler, 0, 0, fullNetmask(key), Optional.empty(), Optional.empty());
    }

    /** /32 (0xFFFFFFFF) for IPv4, 128 for IPv6: what ipvsadm sends when no mask is given. */
    public static long fullNetmask(IpvsKey key) {
        return key.ipv6() ? 128 : 0xFFFF_FFFFL;
    }

    public boolean persistent() {
        return (flags & IpvsGenl.SVC_F_PERSISTENT) != 0;
    }

    /** Everything a request sets, compared: the kernel-owned flag bits and the statistics are ignored. */
    public boolean sameSettings(IpvsService other) {
        return key.equals(other.key) && scheduler.equals(other.scheduler)
                && (flags & USER_FLAGS) == (other.flags & USER_FLAGS) && timeout == other.timeout
                && netmask == other.netmask && persistenceEngine.equals(other.persistenceEngine);
    }

    public IpvsService withStats(IpvsStats newStats) {
        return new IpvsService(key, scheduler, flags, timeout, netmask, persistenceEngine, Optional.of(newStats));
    }
}
