package dev.fulcrum.proxy.log;

import dev.fulcrum.api.model.proxy.Frontend;
import dev.fulcrum.api.model.proxy.LogTarget;
import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.api.reconcile.ReconcileError;
import dev.fulcrum.syslog.SyslogOptions;
import dev.fulcrum.syslog.SyslogService;
import dev.fulcrum.syslog.SyslogSink;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * The syslog sinks of the running revisions, one per distinct {@code log} line: a target that stays
 * from one revision to the next keeps its socket, so connections of the old revision still log
 * through it. Without a {@link SyslogService} nothing is logged (and nothing fails). Calls come from
 * the proxy's reconfiguration thread.
 */
public final class LogTargets implements AutoCloseable {

    private final InstantSource clock;
    private final ZoneId zone;
    private final IntSupplier activeConnections;
    private Optional<SyslogService> service = Optional.empty();
    private final Map<LogTarget, SyslogSink> open = new HashMap<>();
    /** %H of log-format lines: the host name HAProxy takes from gethostname(2). */
    private final String hostname = hostname();
    /** %rt: numbers the requests (and tcp connections) of every revision's frontends, from 0. */
    private final AtomicLong requestIds = new AtomicLong();

    /** @param activeConnections {@code actconn}: the process's current client connections */
    public LogTargets(InstantSource clock, ZoneId zone, IntSupplier activeConnections) {
        this.clock = clock;
        this.zone = zone;
        this.activeConnections = activeConnections;
    }

    /** The service sinks come from; a change closes every sink of the previous one. */
    public void service(Optional<SyslogService> next) {
        retain(Set.of());
        service = next;
    }

    public Optional<SyslogService> service() {
        return service;
    }

    /**
     * Each frontend's log for {@code config}: its own targets, then the global ones with
     * {@code log global} (configuration.txt 4.2 "log global"). A target that cannot be opened (a host
     * name that does not resolve, an unsupported address) is an error of the revision.
     */
    public Map<String, FrontendLog> open(ProxyConfig config, List<ReconcileError> errors) {
        Map<String, FrontendLog> logs = new HashMap<>();
        for (Frontend frontend : config.frontends()) {
            List<LogTarget> targets = new ArrayList<>(frontend.log().targets());
            if (frontend.log().global()) {
                targets.addAll(config.global().logTargets());
            }
            List<SyslogSink> sinks = new ArrayList<>();
            for (LogTarget target : service.isPresent() ? targets : List.<LogTarget>of()) {
                sink(frontend, target, errors).ifPresent(sinks::add);
            }
            logs.put(frontend.name(), new FrontendLog(frontend.name(), frontend.mode(), frontend.log(), sinks, clock,
                    zone, activeConnections, hostname, requestIds::getAndIncrement));
        }
        return logs;
    }

    private Optional<SyslogSink> sink(Frontend frontend, LogTarget target, List<ReconcileError> errors) {
        SyslogSink sink = open.get(target);
        if (sink != null) {
            return Optional.of(sink);
        }
        try {
            sink = service.get().open(target, SyslogOptions.DEFAULTS);
            open.put(target, sink);
            return Optional.of(sink);
        } catch (IOException | IllegalArgumentException e) {
            errors.add(new ReconcileError("proxy.log", "frontend '" + frontend.name() + "': log " + target.address()
                    + ": " + e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * Closes the sinks {@code config} does not name: after a revision is applied, or after a
     * failed one with the configuration still running (empty: none).
     */
    public void retainOnly(Optional<ProxyConfig> config) {
        Set<LogTarget> used = new HashSet<>();
        config.ifPresent(c -> {
            used.addAll(c.global().logTargets());
            c.frontends().forEach(f -> used.addAll(f.log().targets()));
        });
        retain(used);
    }

    private void retain(Set<LogTarget> used) {
        open.entrySet().removeIf(entry -> {
            if (used.contains(entry.getKey())) {
                return false;
            }
            entry.getValue().close();
            return true;
        });
    }

    /** The kernel's host name (what gethostname(2) returns), or Java's idea of it off Linux. */
    private static String hostname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException notLinux) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException unknown) {
                return "localhost";
            }
        }
    }

    @Override
    public void close() {
        retain(Set.of());
    }
}
