package dev.fulcrum.sched.ipvs;

import dev.fulcrum.sched.common.Load;
import java.util.Comparator;
import java.util.function.Predicate;

/**
 * The load orders of the IPVS least-load schedulers ({@link LeastLoad}), least loaded first. Weighted orders compare
 * {@code overhead / weight} by cross-multiplication as the kernel does ({@code (__s64)loh * weight >
 * (__s64)doh * least->weight}), exact and without division; all weights here are above 0.
 */
final class LoadOrders {

    /** ip_vs_lc.c: the least {@code ip_vs_dest_conn_overhead()}, weights ignored. */
    static final Comparator<Load> LEAST_CONNECTION = Comparator.comparingLong(Load::connectionOverhead);

    /** ip_vs_wlc.c: the least {@code ip_vs_dest_conn_overhead() / weight}. */
    static final Comparator<Load> WEIGHTED_LEAST_CONNECTION = (a, b) -> Long.compare(
            a.connectionOverhead() * b.weight(), b.connectionOverhead() * a.weight());

    /** ip_vs_sed.c: the least {@code (activeconns + 1) / weight}, the expected delay of a new connection. */
    static final Comparator<Load> SHORTEST_EXPECTED_DELAY = (a, b) -> Long.compare(
            (a.active() + 1L) * b.weight(), (b.active() + 1L) * a.weight());

    /**
     * ip_vs_nq.c: an idle server (no active connection) first, whatever its weight, the first idle one in
     * list order winning; with none idle, {@link #SHORTEST_EXPECTED_DELAY}.
     */
    static final Comparator<Load> NEVER_QUEUE = (a, b) -> {
        boolean aIdle = a.active() == 0;
        boolean bIdle = b.active() == 0;
        if (aIdle || bIdle) {
            return aIdle == bIdle ? 0 : aIdle ? -1 : 1;
        }
        return SHORTEST_EXPECTED_DELAY.compare(a, b);
    };

    /**
     * ip_vs_ovf.c: the highest weight first (the first in list order on equal weights), among the servers
     * {@link #UNDER_WEIGHT}. The weight is the connection limit: when that server fills up, connections
     * overflow to the next; with every normal server full there is no server, as in the kernel.
     */
    static final Comparator<Load> OVERFLOW = Comparator.comparingInt(Load::weight).reversed();

    /** ip_vs_ovf.c skips a destination with {@code activeconns > weight}. */
    static final Predicate<Load> UNDER_WEIGHT = load -> load.active() <= load.weight();

    private LoadOrders() {
    }
}
