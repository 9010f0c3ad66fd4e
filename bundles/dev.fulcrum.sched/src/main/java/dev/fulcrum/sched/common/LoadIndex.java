package dev.fulcrum.sched.common;

import dev.fulcrum.api.sched.ServerView;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;

/**
 * The admitted servers ordered by load, for the least-load family (lc, wlc, sed, nq, ovf and the
 * rescheduling of lblc/lblcr). The kernel scans the whole destination list per connection; here each
 * hook moves one entry in a skip list (O(log n)) and a pick reads its head (O(1)).
 *
 * <p>Order: normal servers before backups, then the algorithm's load order, then list order, which is
 * the kernel's tie rule (its scan replaces the candidate only on a strictly smaller load).
 */
public final class LoadIndex {

    private final ConcurrentSkipListMap<Load, ServerView> ordered;
    private final Predicate<Load> admits;
    private final Map<String, Load> current = new ConcurrentHashMap<>();
    private long nextOrder;
    private volatile int usableNormals;

    /**
     * @param byLoad  the algorithm's order, least loaded first; it sees only admitted loads
     * @param admits  which servers may be picked at all, on top of {@link Load#usable()} and not
     *                {@link Load#overloaded()}
     * @param servers the initial servers, in list order
     */
    public LoadIndex(Comparator<Load> byLoad, Predicate<Load> admits, Collection<? extends ServerView> servers) {
        this.ordered = new ConcurrentSkipListMap<>(indexOrder(byLoad));
        this.admits = admits;
        servers.forEach(this::update);
    }

    /** Takes in the server's current weight, state and connections (it is added when unknown). */
    public synchronized void update(ServerView server) {
        Load old = current.get(server.id());
        Load now = Load.of(server, old, old == null ? nextOrder++ : old.order());
        // Insert before removing, so that a concurrent pick never finds the index empty for a moment. An
        // entry that orders equal to the old one is the same map key: put kept it, so it must stay.
        boolean admitted = now.usable() && !now.overloaded() && admits.test(now);
        if (admitted) {
            ordered.put(now, server);
        }
        current.put(server.id(), now);
        if (old != null && !(admitted && ordered.comparator().compare(old, now) == 0)) {
            ordered.remove(old);
        }
        usableNormals += countsAsUsableNormal(now) - countsAsUsableNormal(old);
    }

    public synchronized void remove(ServerView server) {
        Load old = current.remove(server.id());
        if (old != null) {
            ordered.remove(old);
            usableNormals -= countsAsUsableNormal(old);
        }
    }

    /**
     * The least loaded admitted server still usable now; a backup only while no normal server is usable.
     * The head is re-checked against the live view because a pick may run between a state change and
     * its hook.
     */
    public Optional<ServerView> least() {
        for (Load load : ordered.keySet()) {
            if (load.backup() && usableNormals > 0) {
                return Optional.empty();
            }
            if (load.server().usable()) {
                return Optional.of(load.server());
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a server remembered from an earlier pick (a cache entry) may still take a new request: in
     * the index and not overloaded, usable now, and not a backup while a normal server is usable.
     */
    public boolean pickable(ServerView server) {
        Load load = current.get(server.id());
        return load != null && !load.overloaded() && server.usable() && !(server.backup() && usableNormals > 0);
    }

    /**
     * Backups last, then {@code byLoad}, then list order; written out rather than composed with
     * {@code Comparator.comparing}, which boxes the flag and adds a call per level on every skip-list step.
     */
    private static Comparator<Load> indexOrder(Comparator<Load> byLoad) {
        return (a, b) -> {
            if (a.backup() != b.backup()) {
                return a.backup() ? 1 : -1;
            }
            int byLoadOrder = byLoad.compare(a, b);
            return byLoadOrder != 0 ? byLoadOrder : Long.compare(a.order(), b.order());
        };
    }

    private static int countsAsUsableNormal(Load load) {
        return load != null && load.usable() && !load.backup() ? 1 : 0;
    }
}
