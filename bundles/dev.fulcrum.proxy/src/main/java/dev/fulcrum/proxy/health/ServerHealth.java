package dev.fulcrum.proxy.health;

import dev.fulcrum.api.model.proxy.Backend;
import dev.fulcrum.api.sched.ServerState;
import dev.fulcrum.health.CheckReport;
import dev.fulcrum.health.CheckSpec;
import dev.fulcrum.health.CheckTarget;
import dev.fulcrum.health.HealthEvent;
import dev.fulcrum.health.HealthListener;
import dev.fulcrum.health.HealthMonitor;
import dev.fulcrum.health.HealthService;
import dev.fulcrum.health.HealthState;
import dev.fulcrum.proxy.pool.BackendPool;
import dev.fulcrum.proxy.pool.ProxyServer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the health checks of the servers that say {@code check} (configuration.txt 5.2 "check") and
 * turns their verdicts into server states: DOWN servers are never picked. Follows each revision:
 * monitors of removed servers stop, changed ones are reconfigured, new ones start. Without a
 * {@link HealthService} nothing is checked and servers stay UP. Calls come from the reconcile thread
 * (and the DS thread for the service); events come from the health bundle's thread.
 */
public final class ServerHealth implements AutoCloseable {

    /** One monitored server; the pool and server it drives change when a revision redefines the server. */
    private static final class Watch {
        private HealthMonitor monitor;
        private volatile BackendPool pool;
        private volatile ProxyServer server;
        private CheckSpec spec;

        private Watch(BackendPool pool, ProxyServer server, CheckSpec spec) {
            this.pool = pool;
            this.server = server;
            this.spec = spec;
        }
    }

    private final Map<String, Watch> watches = new HashMap<>();
    private Map<String, BackendPool> backends = Map.of();
    private Optional<HealthService> service = Optional.empty();

    /** Brings the monitors to the servers of the revision now running. */
    public synchronized void follow(Map<String, BackendPool> current) {
        backends = current;
        Map<String, Watch> stale = new HashMap<>(watches);
        service.ifPresent(health -> current.values().forEach(pool -> {
            for (ProxyServer server : pool.servers()) {
                if (server.config().check()) {
                    String name = pool.config().name() + "/" + server.id();
                    stale.remove(name);
                    watch(health, name, pool, server);
                }
            }
        }));
        stale.forEach((name, gone) -> {
            watches.remove(name);
            gone.monitor.stop();
        });
    }

    /** The health service came or went: checks start, or stop and every checked server is UP again. */
    public synchronized void service(Optional<HealthService> health) {
        stopAll(true);
        service = health;
        follow(backends);
    }

    /** A service went away: it matters only when it is the one in use (DS may bind a successor first). */
    public synchronized void serviceGone(HealthService gone) {
        if (service.isPresent() && service.get() == gone) {
            service(Optional.empty());
        }
    }

    private void watch(HealthService health, String name, BackendPool pool, ProxyServer server) {
        Backend backend = pool.config();
        CheckSpec spec = new CheckSpec.Haproxy(server.config(), backend.healthCheck(), backend.timeouts().check());
        CheckTarget target = new CheckTarget(name, server.target(server.config().port()));
        Watch existing = watches.get(name);
        if (existing != null && existing.monitor.target().equals(target)) {
            existing.pool = pool;
            if (existing.server != server) {
                // A redefined server line is a new instance: it inherits the verdict the checks reached.
                existing.server = server;
                apply(pool, server, existing.monitor.state());
            }
            if (!existing.spec.equals(spec)) {
                existing.spec = spec;
                existing.monitor.reconfigure(spec);
            }
            return;
        }
        if (existing != null) {
            existing.monitor.stop();
        }
        Watch watch = new Watch(pool, server, spec);
        // The first check runs at once, on the health thread: the listener reads only the watch's volatiles.
        watch.monitor = health.start(target, spec, new HealthListener() {
            @Override
            public void stateChanged(HealthEvent event) {
                onEvent(watch, event);
            }

            @Override
            public void checked(CheckReport report) {
                // Every check reaches the stats (check_status, chkfail, check_health), not only verdicts.
                watch.server.counters().checked(report);
            }
        });
        watches.put(name, watch);
        apply(pool, server, watch.monitor.state());
    }

    private static void onEvent(Watch watch, HealthEvent event) {
        watch.server.counters().checked(event.cause());
        apply(watch.pool, watch.server, event.state());
    }

    /** A verdict changes UP/DOWN only: maintenance ("disabled") and draining stay as they are. */
    private static void apply(BackendPool pool, ProxyServer server, HealthState verdict) {
        ServerState now = server.state();
        if (now == ServerState.UP || now == ServerState.DOWN) {
            pool.setState(server, verdict == HealthState.UP ? ServerState.UP : ServerState.DOWN);
        }
    }

    private void stopAll(boolean backUp) {
        watches.values().forEach(watch -> {
            watch.monitor.stop();
            if (backUp) {
                apply(watch.pool, watch.server, HealthState.UP);
            }
        });
        watches.clear();
    }

    @Override
    public synchronized void close() {
        stopAll(false);
    }
}
