package dev.fulcrum.api.model.lvs;

import java.util.Locale;
import java.util.Optional;

/**
 * keepalived.conf(5) {@code lb_algo rr|wrr|lc|wlc|lblc|lblcr|dh|sh|sed|nq|mh|fo|ovf|twos} (alias
 * {@code lvs_sched}): the IPVS scheduler; keepalived's default is wlc (IPVS_DEF_SCHED).
 */
public enum Scheduler {
    RR, WRR, LC, WLC, LBLC, LBLCR, DH, SH, SED, NQ, MH, FO, OVF, TWOS;

    public static final Scheduler DEFAULT = WLC;

    /** The IPVS name, e.g. {@code wlc}. */
    public String ipvsName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The scheduler with this IPVS name (exact, lower case as keepalived expects). */
    public static Optional<Scheduler> ofIpvsName(String name) {
        for (Scheduler scheduler : values()) {
            if (scheduler.ipvsName().equals(name)) {
                return Optional.of(scheduler);
            }
        }
        return Optional.empty();
    }
}
