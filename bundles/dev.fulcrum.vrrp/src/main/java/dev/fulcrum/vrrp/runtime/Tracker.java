package dev.fulcrum.vrrp.runtime;

import dev.fulcrum.api.model.vrrp.VrrpConfig;
import dev.fulcrum.api.model.vrrp.VrrpInstance;
import dev.fulcrum.vrrp.runtime.TrackingRules.Effect;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Turns script results, link states, subsystem health and track file values into each router's priority and faults, sending only
 * what changed. Lives on the event loop: every method is called there.
 */
final class Tracker {

    /** The routers of the running instances with their configuration. */
    interface Routers {
        Map<VrrpInstance, VrrpRouter> running();
    }

    private final Routers routers;
    private final Map<String, Boolean> scriptsGood = new HashMap<>();
    private final Set<String> linksDown = new HashSet<>();
    private final Map<String, Boolean> subsystemsGood = new HashMap<>();
    private final Map<String, Integer> fileValues = new HashMap<>();
    private final Map<String, Effect> applied = new HashMap<>();
    private TrackingRules rules = new TrackingRules(VrrpConfig.EMPTY);

    Tracker(Routers routers) {
        this.routers = routers;
    }

    void configure(VrrpConfig config) {
        rules = new TrackingRules(config);
        scriptsGood.keySet().retainAll(config.scripts().stream().map(s -> s.name()).toList());
        fileValues.keySet().retainAll(config.trackFiles().stream().map(f -> f.name()).toList());
        refresh();
    }

    void scriptChanged(String name, boolean good) {
        scriptsGood.put(name, good);
        refresh();
    }

    void subsystemChanged(String name, boolean good) {
        subsystemsGood.put(name, good);
        refresh();
    }

    void fileChanged(String name, int value) {
        fileValues.put(name, value);
        refresh();
    }

    void linkChanged(String name, boolean up) {
        if (up ? linksDown.remove(name) : linksDown.add(name)) {
            refresh();
        }
    }

    /** An instance was (re)started: its state machine starts from its base priority and no faults. */
    void forget(String instance) {
        applied.remove(instance);
    }

    private void refresh() {
        routers.running().forEach((instance, router) -> {
            Effect next = rules.effect(instance, scriptsGood, linksDown, subsystemsGood, fileValues);
            Effect previous = applied.getOrDefault(instance.name(), new Effect(instance.priority(), Set.of()));
            if (next.priority() != previous.priority()) {
                router.priorityChanged(next.priority());
            }
            for (String fault : next.faults()) {
                if (!previous.faults().contains(fault)) {
                    router.faultRaised(fault);
                }
            }
            for (String fault : previous.faults()) {
                if (!next.faults().contains(fault)) {
                    router.faultCleared(fault);
                }
            }
            applied.put(instance.name(), new Effect(next.priority(), new LinkedHashSet<>(next.faults())));
        });
    }
}
