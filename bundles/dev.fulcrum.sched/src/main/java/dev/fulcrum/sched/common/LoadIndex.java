package dev.fulcrum.sched.common;

import dev.fulcrum.api.sched.ServerView;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The admitted servers ordered by load, for the least-load family (lc, wlc, sed, nq, ovf and the
 * rescheduling of lblc/lblcr). The kernel scans the whole destination list per connection; here each
 * hook moves one entry in a heap (O(log n), in place, no allocation) and a pick reads its top (O(1)),
 * both under the index's lock.
 *
 * <p>Order: normal servers before backups, then the algorithm's load order, then list order, which is
 * the kernel's tie rule (its scan replaces the candidate only on a strictly smaller load).
 */
public final class LoadIndex {

    private final LoadHeap admitted;
    private final Predicate<Load> admits;
    private final Map<String, LoadHeap.Entry> current = new ConcurrentHashMap<>();
    private long nextOrder;
    private volatile int usableNormals;

    /**
     * @param byLoad  the algorithm's order, least loaded first; it sees only admitted loads
     * @param admits  which servers may be picked at all, on top of {@link Load#usable()} and not
     *                {@link Load#overloaded()}
     * @param servers the initial servers, in list order
     */
    public LoadIndex(Comparator<Load> byLoad, Predicate<Load> admits, Collection<? extends ServerView> servers) {
        this.admitted = new LoadHeap(indexOrder(byLoad));
        this.admits = admits;
        servers.forEach(this::update);
    }

    /** Takes in the server's current weight, state and connections (it is added when unknown). */
    public synchronized void update(ServerView server) {
        LoadHeap.Entry entry = current.get(server.id());
        Load old = entry == null ? null : entry.load;
        if (entry == null) {
            entry = new LoadHeap.Entry(nextOrder++);
            current.put(server.id(), entry);
        }
        Load now = Load.of(server, old, entry.order);
        entry.load = now;
        if (now.usable() && !now.overloaded() && admits.test(now)) {
            admitted.offer(entry);
        } else {
            admitted.remove(entry);
        }
        usableNormals += countsAsUsableNormal(now) - countsAsUsableNormal(old);
    }

    public synchronized void remove(ServerView server) {
        LoadHeap.Entry entry = current.remove(server.id());
        if (entry != null) {
            admitted.remove(entry);
            usableNormals -= countsAsUsableNormal(entry.load);
        }
    }

    /**
     * The least loaded admitted server still usable now; a backup only while no normal server is usable.
     * The top is re-checked against the live view because a pick may run between a state change and its
     * hook; only then are the others scanned.
     */
    public synchronized Optional<ServerView> least() {
        if (admitted.isEmpty()) {
            return Optional.empty();
        }
        Load least = admitted.first();
        if (!least.server().usable()) {
            least = admitted.least(load -> load.server().usable());
        }
        if (least == null || least.backup() && usableNormals > 0) {
            return Optional.empty();
        }
        return Optional.of(least.server());
    }

    /**
     * Whether a server remembered from an earlier pick (a cache entry) may still take a new request: in
     * the index and not overloaded, usable now, and not a backup while a normal server is usable.
     */
    public boolean pickable(ServerView server) {
        LoadHeap.Entry entry = current.get(server.id());
        return entry != null && !entry.load.overloaded() && server.usable()
                && !(server.backup() && usableNormals > 0);
    }

    /**
     * Backups last, then {@code byLoad}, then list order; written out rather than composed with
     * {@code Comparator.comparing}, which boxes the flag and adds a call per level on every heap step.
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
