package dev.fulcrum.vrrp.runtime;

import dev.fulcrum.api.model.vrrp.TrackedInterface;
import dev.fulcrum.api.model.vrrp.TrackedScript;
import dev.fulcrum.api.model.vrrp.TrackedSubsystem;
import dev.fulcrum.api.model.vrrp.VrrpConfig;
import dev.fulcrum.api.model.vrrp.VrrpInstance;
import dev.fulcrum.api.model.vrrp.VrrpScript;
import dev.fulcrum.api.model.vrrp.VrrpSyncGroup;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What tracking does to an instance (keepalived.conf(5) {@code track_script}, {@code track_interface},
 * also when given on the instance's {@code vrrp_sync_group}): a weight of 0 puts the instance in
 * FAULT while the script fails or the interface is down; a positive weight is added to the priority
 * while the script succeeds or the interface is up; a negative one is added while it fails or is
 * down. {@code reverse} on a vrrp_script swaps success and failure. The instance's own interface
 * puts it in FAULT when down unless {@code dont_track_primary}. Fulcrum's {@code track_subsystem}
 * weighs a subsystem's health as track_interface weighs a link. Pure.
 */
final class TrackingRules {

    /** The effective priority before the state machine's clamping, and the faults. */
    record Effect(int priority, Set<String> faults) {
    }

    private final VrrpConfig config;

    TrackingRules(VrrpConfig config) {
        this.config = config;
    }

    /**
     * @param scriptsGood the current result of each vrrp_script by name (absent: not run yet, counted good)
     * @param linksDown   the names of interfaces that are down
     * @param subsystemsGood whether each tracked Fulcrum subsystem is healthy, by name (absent: not polled yet, counted good)
     */
    Effect effect(VrrpInstance instance, Map<String, Boolean> scriptsGood, Set<String> linksDown,
            Map<String, Boolean> subsystemsGood) {
        int priority = instance.priority();
        Set<String> faults = new LinkedHashSet<>();
        if (!instance.dontTrackPrimary() && linksDown.contains(instance.interfaceName())) {
            faults.add("interface " + instance.interfaceName());
        }
        for (TrackedInterface tracked : trackedInterfaces(instance)) {
            boolean up = !linksDown.contains(tracked.name());
            priority += weigh(tracked.weight(), up, "interface " + tracked.name(), faults);
        }
        for (TrackedScript tracked : trackedScripts(instance)) {
            VrrpScript script = script(tracked.name());
            if (script == null) {
                continue; // the configuration check reports an unknown script
            }
            boolean good = scriptsGood.getOrDefault(script.name(), !script.initFail()) != script.reverse();
            priority += weigh(tracked.weight().orElse(script.weight()), good, "script " + script.name(), faults);
        }
        for (TrackedSubsystem tracked : instance.trackSubsystems()) {
            boolean good = subsystemsGood.getOrDefault(tracked.name(), true);
            priority += weigh(tracked.weight(), good, "subsystem " + tracked.name(), faults);
        }
        return new Effect(priority, faults);
    }

    private static int weigh(int weight, boolean good, String source, Set<String> faults) {
        if (weight == 0) {
            if (!good) {
                faults.add(source);
            }
            return 0;
        }
        return weight > 0 == good ? weight : 0;
    }

    private VrrpScript script(String name) {
        return config.scripts().stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    private List<TrackedInterface> trackedInterfaces(VrrpInstance instance) {
        List<TrackedInterface> all = new ArrayList<>(instance.trackInterfaces());
        groupsOf(instance).forEach(group -> all.addAll(group.trackInterfaces()));
        return all;
    }

    private List<TrackedScript> trackedScripts(VrrpInstance instance) {
        List<TrackedScript> all = new ArrayList<>(instance.trackScripts());
        groupsOf(instance).forEach(group -> all.addAll(group.trackScripts()));
        return all;
    }

    private List<VrrpSyncGroup> groupsOf(VrrpInstance instance) {
        return config.syncGroups().stream().filter(g -> g.group().contains(instance.name())).toList();
    }
}
