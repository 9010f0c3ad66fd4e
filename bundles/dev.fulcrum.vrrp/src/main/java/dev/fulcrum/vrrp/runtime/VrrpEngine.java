package dev.fulcrum.vrrp.runtime;

import dev.fulcrum.api.model.global.VrrpDefaults;
import dev.fulcrum.api.model.vrrp.VrrpConfig;
import dev.fulcrum.api.model.vrrp.VrrpInstance;
import dev.fulcrum.netlink.Namespace;
import dev.fulcrum.netlink.NetlinkConnector;
import dev.fulcrum.vrrp.fsm.Action.StateChanged;
import dev.fulcrum.vrrp.fsm.VrrpState;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The VRRP instances of one network namespace, on one event-loop thread: {@link #apply} brings the
 * running set to a configuration (keepalived's reload semantics, issue 7 "live changes"): a removed
 * instance resigns with priority 0, a new one starts in Backup, a change of priority alone reaches
 * the running state machine without a restart, any other change restarts the instance.
 */
public final class VrrpEngine implements AutoCloseable {

    private static final Logger LOG = System.getLogger(VrrpEngine.class.getName());

    private final NetlinkConnector connector;
    private final Namespace namespace;
    private final InstantSource clock;
    private final ExecutorLoop loop;
    private final Map<String, RunningInstance> running = new LinkedHashMap<>();
    private final InstanceEvents events;

    public VrrpEngine(NetlinkConnector connector, Namespace namespace, InstantSource clock, InstanceEvents events) {
        this.connector = connector;
        this.namespace = namespace;
        this.clock = clock;
        this.events = events;
        this.loop = new ExecutorLoop("vrrp-loop-" + namespace);
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
        List<String> problems = new ArrayList<>();
        for (VrrpInstance instance : wanted.values()) {
            RunningInstance current = running.get(instance.name());
            if (current != null && current.config().equals(instance)) {
                continue;
            }
            if (current != null && LiveChange.onlyPriorityDiffers(current.config(), instance)) {
                current.router().priorityChanged(instance.priority());
                running.put(instance.name(), current.withConfig(instance));
                continue;
            }
            if (current != null) {
                running.remove(instance.name()).stop();
            }
            try {
                running.put(instance.name(), RunningInstance.start(instance, defaults, connector, namespace, loop,
                        clock, change -> events.stateChanged(instance, change)));
            } catch (IOException | RuntimeException e) {
                String problem = "(" + instance.name() + ") cannot run on " + instance.interfaceName() + ": "
                        + e.getMessage();
                LOG.log(Level.WARNING, problem);
                problems.add(problem);
            }
        }
        return problems;
    }

    /** The state of each running instance, by name. */
    public synchronized Map<String, VrrpState> states() {
        Map<String, VrrpState> states = new LinkedHashMap<>();
        running.forEach((name, instance) -> states.put(name, instance.router().state()));
        return states;
    }

    public synchronized Set<String> names() {
        return Set.copyOf(running.keySet());
    }

    /** The router of a running instance, for tracking and sync groups; null when not running. */
    synchronized VrrpRouter router(String name) {
        RunningInstance instance = running.get(name);
        return instance == null ? null : instance.router();
    }

    /** Stops every instance at once without resigning, as a crash would; for failover tests and benchmarks. */
    public synchronized void abort() {
        loop.close();
        running.values().forEach(RunningInstance::abort);
        running.clear();
    }

    /** Every instance resigns (priority 0 from a master) and the loop stops. */
    @Override
    public synchronized void close() {
        try {
            for (RunningInstance instance : running.values()) {
                instance.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.clear();
            loop.close();
        }
    }

    /** Told of every state change of every instance, on the loop thread. */
    public interface InstanceEvents {
        void stateChanged(VrrpInstance instance, StateChanged change);
    }
}
