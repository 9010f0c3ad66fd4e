package dev.fulcrum.vrrp.runtime;

import dev.fulcrum.api.model.global.GlobalSettings;
import dev.fulcrum.api.model.global.VrrpDefaults;
import dev.fulcrum.api.model.vrrp.VrrpConfig;
import dev.fulcrum.api.model.vrrp.VrrpInstance;
import dev.fulcrum.api.model.vrrp.VrrpSyncGroup;
import dev.fulcrum.api.os.ProcessRunner;
import dev.fulcrum.api.status.SubsystemStatus;
import dev.fulcrum.netlink.Namespace;
import dev.fulcrum.netlink.NetlinkConnector;
import dev.fulcrum.vrrp.fsm.Action.StateChanged;
import dev.fulcrum.vrrp.fsm.VrrpState;
import dev.fulcrum.vrrp.mail.SmtpAlerter;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The VRRP instances of one network namespace, on one event-loop thread, with what surrounds them:
 * tracking (vrrp_script, track_interface, track_file), sync groups and notify scripts. {@link #apply} brings
 * the running set to a configuration (issue 7 "live changes"): a removed instance resigns with
 * priority 0, a new one starts in Backup, a change of priority alone reaches the running state
 * machine without a restart, any other change restarts the instance.
 */
public final class VrrpEngine implements AutoCloseable {

    private static final Logger LOG = System.getLogger(VrrpEngine.class.getName());

    private final NetlinkConnector connector;
    private final Namespace namespace;
    private final InstantSource clock;
    private final InstanceEvents events;
    private final ProcessRunner runner;
    private final ExecutorLoop loop;
    private final Map<String, RunningInstance> running = new LinkedHashMap<>();
    /** What the loop-side helpers see of {@link #running}; replaced, never changed, by {@link #apply}. */
    private volatile Map<VrrpInstance, VrrpRouter> routers = Map.of();
    private final Tracker tracker;
    private final SyncGroups syncGroups;
    private final ScriptTracker scripts;
    private final Notifier notifier;
    private final SmtpAlerter alerts;
    private final SubsystemWatch subsystems;
    /** Started with the first instance; null before, or when link notifications cannot be had. */
    private LinkWatcher links;
    /** Started with the first track_file; null before, or when files cannot be watched. */
    private TrackFileWatch files;

    /** An engine whose instances see no Fulcrum subsystem: a track_subsystem counts as failing. */
    public VrrpEngine(NetlinkConnector connector, Namespace namespace, InstantSource clock, ProcessRunner runner,
            InstanceEvents events) {
        this(connector, namespace, clock, runner, events, name -> Optional.empty());
    }

    /** @param subsystems the status of Fulcrum's subsystems by name, for track_subsystem */
    public VrrpEngine(NetlinkConnector connector, Namespace namespace, InstantSource clock, ProcessRunner runner,
            InstanceEvents events, SubsystemLookup subsystems) {
        this.connector = connector;
        this.namespace = namespace;
        this.clock = clock;
        this.events = events;
        this.runner = runner;
        this.loop = new ExecutorLoop("vrrp-loop-" + namespace);
        this.tracker = new Tracker(() -> routers);
        this.syncGroups = new SyncGroups(this::routerNamed);
        this.scripts = new ScriptTracker(runner, (name, good) -> loop.execute(() -> tracker.scriptChanged(name, good)),
                "vrrp-scripts-" + namespace);
        this.notifier = new Notifier(runner, "vrrp-notify-" + namespace);
        this.alerts = SmtpAlerter.system("vrrp-mail-" + namespace);
        this.subsystems = new SubsystemWatch(subsystems,
                (name, good) -> loop.execute(() -> tracker.subsystemChanged(name, good)), "vrrp-subsystems-" + namespace);
        this.subsystems.start();
    }

    /**
     * Brings the running instances to {@code config}. Returns one message per instance that could
     * not be started (the others run); an empty list when everything runs.
     */
    public synchronized List<String> apply(VrrpConfig config, VrrpDefaults defaults) throws InterruptedException {
        Map<String, VrrpInstance> wanted = new LinkedHashMap<>();
        config.instances().forEach(instance -> wanted.put(instance.name(), instance));
        for (String name : List.copyOf(running.keySet())) {
            if (!wanted.containsKey(name)) {
                LOG.log(Level.INFO, "(" + name + ") removed from the configuration: resigning");
                running.remove(name).stop();
            }
        }
        syncGroups.configure(config);
        List<String> problems = new ArrayList<>();
        if (links == null && !config.instances().isEmpty()) {
            try {
                links = LinkWatcher.start(connector, namespace,
                        (name, up) -> loop.execute(() -> tracker.linkChanged(name, up)));
            } catch (IOException e) {
                problems.add("link states (track_interface) unavailable: " + e.getMessage());
            }
        }
        for (VrrpInstance instance : wanted.values()) {
            RunningInstance current = running.get(instance.name());
            if (current != null && current.config().equals(instance)) {
                continue;
            }
            if (current != null && LiveChange.onlyPriorityDiffers(current.config(), instance)) {
                running.put(instance.name(), current.withConfig(instance)); // the tracker sends the new priority
                continue;
            }
            if (current != null) {
                running.remove(instance.name()).stop();
            }
            loop.run(() -> tracker.forget(instance.name()));
            try {
                running.put(instance.name(), RunningInstance.start(instance, defaults, connector, namespace, runner,
                        loop, clock, change -> stateChanged(instance, change)));
            } catch (IOException | RuntimeException e) {
                String problem = "(" + instance.name() + ") cannot run on " + instance.interfaceName() + ": "
                        + e.getMessage();
                LOG.log(Level.WARNING, problem);
                problems.add(problem);
            }
        }
        Map<VrrpInstance, VrrpRouter> snapshot = new LinkedHashMap<>();
        running.values().forEach(r -> snapshot.put(r.config(), r.router()));
        routers = snapshot;
        configureFiles(config, problems); // before the tracker: the values it is told first are already there
        loop.run(() -> tracker.configure(config));
        scripts.configure(config.scripts());
        subsystems.configure(config);
        return problems;
    }

    private void configureFiles(VrrpConfig config, List<String> problems) {
        if (files == null && !config.trackFiles().isEmpty()) {
            try {
                files = new TrackFileWatch((name, value) -> loop.execute(() -> tracker.fileChanged(name, value)),
                        "vrrp-files-" + namespace);
            } catch (IOException e) {
                problems.add("track_file unavailable: cannot watch files: " + e.getMessage());
            }
        }
        if (files != null) {
            files.configure(config);
        }
    }

    /** The global_defs of a revision: where e-mail alerts go (keepalived.conf(5) smtp_server, notification_email). */
    public void configureAlerts(GlobalSettings global) {
        alerts.configure(global);
    }

    /** On the loop: a router changed state. */
    private void stateChanged(VrrpInstance instance, StateChanged change) {
        VrrpRouter router = routerNamed(instance.name());
        int priority = router == null ? instance.priority() : router.priority();
        notifier.notify(instance.notifyScripts(), "INSTANCE", instance.name(), change.to(), priority);
        syncGroups.stateChanged(instance.name(), change);
        VrrpSyncGroup group = syncGroups.groupOf(instance.name());
        alerts.instanceChanged(instance, Optional.ofNullable(group), change.to());
        if (group != null && group.group().stream().map(this::routerNamed)
                .allMatch(member -> member != null && member.state() == change.to())) {
            notifier.notify(group.notifyScripts(), "GROUP", group.name(), change.to(), priority);
            alerts.groupChanged(group, change.to());
        }
        events.stateChanged(instance, change);
    }

    private VrrpRouter routerNamed(String name) {
        return routers.entrySet().stream().filter(e -> e.getKey().name().equals(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** The state of each running instance, by name. */
    public Map<String, VrrpState> states() {
        Map<String, VrrpState> states = new LinkedHashMap<>();
        routers.forEach((instance, router) -> states.put(instance.name(), router.state()));
        return states;
    }

    /** The router of a running instance; null when it does not run. */
    public VrrpRouter router(String name) {
        return routerNamed(name);
    }

    /** Stops every instance at once without resigning, as a crash would; for failover tests and benchmarks. */
    public synchronized void abort() {
        closeWatchers();
        scripts.close();
        loop.close();
        running.values().forEach(RunningInstance::abort);
        running.clear();
        routers = Map.of();
        notifier.close();
        alerts.close();
        subsystems.close();
    }

    /** Every instance resigns (priority 0 from a master) and the loop stops. */
    @Override
    public synchronized void close() {
        try {
            // Resign first: the helpers' threads take up to a poll interval to stop.
            for (RunningInstance instance : running.values()) {
                instance.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeWatchers();
            scripts.close();
            running.clear();
            routers = Map.of();
            loop.close();
            notifier.close();
            alerts.close();
            subsystems.close();
        }
    }

    /** Stops following links and files. */
    private void closeWatchers() {
        if (links != null) {
            links.close();
            links = null;
        }
        if (files != null) {
            files.close();
            files = null;
        }
    }

    /** The status of a running Fulcrum subsystem by name (its fulcrum.subsystem property); empty when none runs. */
    public interface SubsystemLookup {
        Optional<SubsystemStatus> status(String name);
    }

    /** Told of every state change of every instance, on the loop thread. */
    public interface InstanceEvents {
        void stateChanged(VrrpInstance instance, StateChanged change);
    }
}
