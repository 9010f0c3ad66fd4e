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
 * <p>The weight follows keepalived.conf(5) MISC_CHECK {@code misc_dynamic}: a script's exit status
 * 2..255 moves the real server's weight by (status - 2 - configured weight), so one such checker sets
 * the weight to status - 2 and several add their moves up; the result is kept within 0..65535. Exit 0
 * ("weight unchanged") takes the checker's move back, and so does its failure: the server is removed
 * (weight 0 with {@code inhibit_on_failure}) and returns at the weight its next exit status asks for.
 * All of this is what keepalived 2.2.7 did to the kernel table in the kernel rig (weight 3: exits 7
 * and 12 of two checkers gave 12; exit 0 after 7 gave 3 again; 2 and 2 gave 0). The weight change is
 * logged as keepalived logs it, except when the server goes down (keepalived resets it silently).
 *
 * <p>Monitors report on the health service's thread, which must never wait for this class (stopping a
 * monitor waits for that thread): verdicts go through {@code events} (a thread of the ipvs subsystem),
 * where a real server's change is logged as keepalived logs it ("Removing service [RS] from VS [VS]")
 * and {@code changed} re-plans the table. {@link #isUp} takes no lock: the reconciler calls it.
 */
final class RealServerMonitors implements RealServerHealth {

    /** The largest weight IPVS takes here (see IpvsDestination). */
    private static final int MAX_WEIGHT = 0xFFFF;

    private final Executor events;
    private final Consumer<String> log;
    private final Runnable changed;
    private final Map<CheckKey, Running> running = new HashMap<>();
    private final Map<CheckKey, HealthState> verdicts = new ConcurrentHashMap<>();
    /** The weight each misc_dynamic checker last asked for (exit status - 2). */
    private final Map<CheckKey, Integer> askedWeights = new ConcurrentHashMap<>();
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

    @Override
    public int weight(VirtualServer virtualServer, RealServer realServer) {
        if (askedWeights.isEmpty() || realServer.checkers().isEmpty()) {
            return realServer.weight(); // the common case, and the reconciler asks for every live real server
        }
        RealServerKey server = RealServerKey.of(virtualServer, realServer);
        long weight = realServer.weight();
        for (int i = 0; i < realServer.checkers().size(); i++) {
            Integer asked = askedWeights.get(new CheckKey(server, i));
            if (asked != null) {
                weight += asked - realServer.weight();
            }
        }
        return (int) Math.max(0, Math.min(MAX_WEIGHT, weight));
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
                if (!dynamic(want.spec())) {
                    askedWeights.remove(key); // no longer misc_dynamic: the configured weight applies again
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
            askedWeights.clear();
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
        askedWeights.remove(key);
        if (current != null) {
            current.monitor().stop();
        }
    }

    private static boolean dynamic(CheckSpec.Keepalived spec) {
        return spec.checker() instanceof HealthChecker.MiscCheck misc && misc.dynamic();
    }

    /**
     * On {@code events}: one monitor's new verdict or asked-for weight; a change of the real server's
     * state or weight re-plans the table.
     */
    private void reported(CheckKey key, HealthMonitor[] from, HealthEvent event) {
        boolean serverChanged;
        synchronized (this) {
            Running current = running.get(key);
            if (current == null || current.monitor() != from[0]) {
                return; // a report of a monitor stopped or replaced since
            }
            VirtualServer vs = current.want().virtualServer();
            RealServer rs = current.want().realServer();
            boolean wasUp = isUp(vs, rs);
            int weightBefore = weight(vs, rs);
            verdicts.put(key, event.state());
            if (dynamic(current.want().spec())) {
                // the weight the script asks for from now on; none: the configured one (HealthEvent)
                event.cause().weight().ifPresentOrElse(asked -> askedWeights.put(key, asked), () -> askedWeights.remove(key));
            }
            boolean up = isUp(vs, rs);
            int weight = weight(vs, rs);
            String realServer = RealServerKey.describe(rs, vs.protocol());
            if (weight != weightBefore && (up || !wasUp)) {
                log.accept(KeepalivedLogLines.weightChange(weightBefore, weight, wasUp, realServer, RealServerKey.describe(vs)));
            }
            if (up != wasUp) {
                log.accept(KeepalivedLogLines.service(up, rs.inhibitOnFailure() || vs.inhibitOnFailure(), realServer,
                        RealServerKey.describe(vs)));
            }
            serverChanged = up != wasUp || weight != weightBefore;
        }
        if (serverChanged) {
            changed.run();
        }
    }
}
