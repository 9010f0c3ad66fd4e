package dev.fulcrum.proxy.stats;

import dev.fulcrum.api.model.proxy.Backend;
import dev.fulcrum.api.model.proxy.Frontend;
import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.api.proxy.ProxyStats;
import dev.fulcrum.api.proxy.StatRow;
import dev.fulcrum.proxy.pool.BackendPool;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code show stat} view of the running revision. Frontend counters are kept here by name
 * (backends keep theirs in their pool, which a revision updates in place), so a frontend that stays
 * in a new revision keeps counting where it was.
 */
public final class ProxyStatistics implements ProxyStats {

    /** What runs now: the revision and the pools of its backends. */
    private record Running(ProxyConfig config, Map<String, BackendPool> backends) {
    }

    private final InstantSource clock;
    private final Map<String, FrontendCounters> frontends = new ConcurrentHashMap<>();
    private volatile Running running;

    public ProxyStatistics(InstantSource clock) {
        this.clock = clock;
    }

    /** The counters of the frontend of that name, the same instance as long as the name stays. */
    public FrontendCounters frontend(String name) {
        return frontends.computeIfAbsent(name, n -> new FrontendCounters(clock));
    }

    /** A revision now runs: its rows are shown, counters of frontends it removed are dropped. */
    public void running(ProxyConfig config, Map<String, BackendPool> backends) {
        Set<String> names = new HashSet<>();
        config.frontends().forEach(frontend -> names.add(frontend.name()));
        frontends.keySet().retainAll(names);
        running = new Running(config, Map.copyOf(backends));
    }

    @Override
    public List<StatRow> rows() {
        Running now = running;
        if (now == null) {
            return List.of();
        }
        Instant instant = clock.instant();
        ProxyConfig config = now.config();
        // HAProxy numbers its proxies in file order; "stats socket" creates the GLOBAL proxy first.
        int iid = config.global().statsSocket().isPresent() ? 1 : 0;
        List<StatRow> rows = new ArrayList<>();
        for (String name : proxyOrder(config)) {
            iid++;
            Frontend frontend = config.frontend(name).orElse(null);
            if (frontend != null) {
                int limit = frontend.maxconn() > 0 ? frontend.maxconn() : config.global().maxconn();
                rows.add(FrontendRow.of(frontend, frontend(name), limit, iid));
            }
            BackendPool pool = now.backends().get(name);
            if (pool != null) {
                rows.addAll(BackendRows.of(pool, iid, fullconn(config, pool.config()), instant));
            }
        }
        return rows;
    }

    /**
     * Proxy names in configuration order as far as the model keeps it: frontends, then backends; a
     * listen section (a frontend and a backend of one name) is one proxy.
     */
    static List<String> proxyOrder(ProxyConfig config) {
        Set<String> names = new LinkedHashSet<>();
        config.frontends().forEach(frontend -> names.add(frontend.name()));
        config.backends().forEach(backend -> names.add(backend.name()));
        return List.copyOf(names);
    }

    /** configuration.txt 4.2 "fullconn": by default 10% of the maxconn of the frontends using the backend, at least 1. */
    static long fullconn(ProxyConfig config, Backend backend) {
        long sum = 0;
        for (Frontend frontend : config.frontends()) {
            if (frontend.referencedBackends().contains(backend.name())) {
                sum += frontend.maxconn() > 0 ? frontend.maxconn() : config.global().maxconn();
            }
        }
        return Math.max(1, sum / 10);
    }
}
