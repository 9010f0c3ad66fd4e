package dev.fulcrum.ipvs.internal;

import dev.fulcrum.api.model.lvs.HealthChecker;
import dev.fulcrum.api.model.lvs.LvsConfig;
import dev.fulcrum.api.model.lvs.RealServer;
import dev.fulcrum.api.model.lvs.VirtualServer;
import dev.fulcrum.health.CheckSpec;
import dev.fulcrum.health.CheckTarget;
import dev.fulcrum.health.HealthEvent;
import dev.fulcrum.health.HealthMonitor;
import dev.fulcrum.health.HealthService;
import dev.fulcrum.health.HealthState;
import dev.fulcrum.health.KeepalivedLogLines;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Runs a {@link HealthService} monitor for every checker of every real server of the current
 * configuration and answers the reconciler's question "is this real server up?" from their verdicts,
 * with keepalived's semantics (keepalived.conf(5) real_server): a real server without a checker is
 * always up; one with checkers is up while all of them are (each starts UP, or DOWN with the virtual
 * server's {@code alpha}). Without a HealthService every real server is up.
 *
 * <p>Monitors report on the health service's thread, which must never wait for this class (stopping a
 * monitor waits for that thread): verdicts go through {@code events} (a thread of the ipvs subsystem),
 * where a real server's change is logged as keepalived logs it ("Removing service [RS] from VS [VS]")
 * and {@code changed} re-plans the table. {@link #isUp} takes no lock: the reconciler calls it.
 */
final class RealServerMonitors implements RealServerHealth {

    private final Executor events;
    private final Consumer<String> log;
    private final Runnable changed;
    private final Map<CheckKey, Running> running = new HashMap<>();
    private final Map<CheckKey, HealthState> verdicts = new ConcurrentHashMap<>();
    private Optional<HealthService> service = Optional.empty();
    private LvsConfig config = LvsConfig.EMPTY;

    /**
     * @param events  where monitor reports are handled, one at a time
     * @param changed told (on {@code events}) that a real server went up or down
     */
    RealServerMonitors(Executor events, Consumer<String> log, Runnable changed) {
        this.events = events;
        this.log = log;
        this.changed = changed;
    }

    /** One checker of one real server of one virtual server; {@code index} is its place in the block. */
    private record CheckKey(RealServerKey server, int index) {
    }

    /** A started monitor and what it checks now (a reconfigure keeps the monitor, with a new {@code want}). */
    private record Running(HealthMonitor monitor, Wanted want) {
    }

    @Override
    public boolean isUp(VirtualServer virtualServer, RealServer realServer) {
        RealServerKey server = RealServerKey.of(virtualServer, realServer);
        for (int i = 0; i < realServer.checkers().size(); i++) {
            if (verdicts.get(new CheckKey(server, i)) == HealthState.DOWN) {
                return false;
            }
        }
        return true;
    }

    /** A new revision: starts, reconfigures and stops monitors so that they match its checkers. */
    synchronized void configure(LvsConfig newConfig) {
        this.config = newConfig;
        Map<CheckKey, Wanted> wanted = service.isPresent() ? wanted(newConfig) : Map.of();
        for (CheckKey key : Map.copyOf(running).keySet()) {
            Running current = running.get(key);
            Wanted want = wanted.get(key);
            if (want == null || !want.target().equals(current.want().target())) {
                stop(key);
            } else {
                if (!want.spec().equals(current.want().spec())) {
                    current.monitor().reconfigure(want.spec());
                }
                running.put(key, new Running(current.monitor(), want));
            }
        }
        wanted.forEach((key, want) -> {
            if (!running.containsKey(key)) {
                start(key, want);
            }
        });
    }

    /** The HealthService came or went: every monitor restarts on the new one, or all servers count as up. */
    void serviceChanged(Optional<HealthService> newService) {
        synchronized (this) {
            Map.copyOf(running).keySet().forEach(this::stop);
            verdicts.clear();
            this.service = newService;
            configure(config);
        }
        changed.run();
    }

    /** Stops every monitor (keepalived {@code omega} reports UP servers DOWN, which no longer matters). */
    synchronized void close() {
        Map.copyOf(running).keySet().forEach(this::stop);
        service = Optional.empty();
    }

    private record Wanted(VirtualServer virtualServer, RealServer realServer, CheckTarget target,
            CheckSpec.Keepalived spec) {
    }

    private static Map<CheckKey, Wanted> wanted(LvsConfig config) {
        Map<CheckKey, Wanted> wanted = new HashMap<>();
        for (VirtualServer vs : config.virtualServers()) {
            for (RealServer rs : vs.realServers()) {
                RealServerKey server = RealServerKey.of(vs, rs);
                for (int i = 0; i < rs.checkers().size(); i++) {
                    HealthChecker checker = rs.checkers().get(i);
                    // keepalived.conf(5) connect_ip / connect_port: where the checker connects instead of the real server.
                    InetSocketAddress address = new InetSocketAddress(checker.common().connectIp().orElse(rs.address()),
                            checker.common().connectPort().orElse(rs.port()));
                    CheckTarget target = new CheckTarget(KeepalivedLogLines.endpoint(address), address);
                    CheckSpec.Keepalived spec = new CheckSpec.Keepalived(checker, vs.delayLoop(), vs.alpha(), vs.omega(),
                            rs.notifyUp(), rs.notifyDown());
                    wanted.put(new CheckKey(server, i), new Wanted(vs, rs, target, spec));
                }
            }
        }
        return wanted;
    }

    private void start(CheckKey key, Wanted want) {
        HealthMonitor[] self = new HealthMonitor[1];
        HealthMonitor monitor = service.orElseThrow().start(want.target(), want.spec(),
                event -> hand(() -> reported(key, self, event)));
        self[0] = monitor;
        running.put(key, new Running(monitor, want));
        verdicts.put(key, monitor.state()); // DOWN from the start with alpha
    }

    /** Hands a report over to {@code events}; once the subsystem has stopped, reports no longer matter. */
    private void hand(Runnable report) {
        try {
            events.execute(report);
        } catch (RejectedExecutionException stopped) {
            // the subsystem is shutting down
        }
    }

    private void stop(CheckKey key) {
        Running current = running.remove(key);
        verdicts.remove(key);
        if (current != null) {
            current.monitor().stop();
        }
    }

    /** On {@code events}: one monitor's new verdict; a change of the real server's state re-plans the table. */
    private void reported(CheckKey key, HealthMonitor[] from, HealthEvent event) {
        boolean serverChanged;
        synchronized (this) {
            Running current = running.get(key);
            if (current == null || current.monitor() != from[0]) {
                return; // a report of a monitor stopped or replaced since
            }
            Wanted want = current.want();
            boolean wasUp = isUp(want.virtualServer(), want.realServer());
            verdicts.put(key, event.state());
            boolean up = isUp(want.virtualServer(), want.realServer());
            serverChanged = up != wasUp;
            if (serverChanged) {
                VirtualServer vs = want.virtualServer();
                RealServer rs = want.realServer();
                log.accept(KeepalivedLogLines.service(up, rs.inhibitOnFailure() || vs.inhibitOnFailure(),
                        RealServerKey.describe(rs, vs.protocol()), RealServerKey.describe(vs)));
            }
        }
        if (serverChanged) {
            changed.run();
        }
    }
}
