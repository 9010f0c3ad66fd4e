package dev.fulcrum.vrrp.runtime;

import dev.fulcrum.api.model.vrrp.TrackedFile;
import dev.fulcrum.api.model.vrrp.TrackedInterface;
import dev.fulcrum.api.model.vrrp.TrackedScript;
import dev.fulcrum.api.model.vrrp.TrackedSubsystem;
import dev.fulcrum.api.model.vrrp.VrrpConfig;
import dev.fulcrum.api.model.vrrp.VrrpInstance;
import dev.fulcrum.api.model.vrrp.VrrpScript;
import dev.fulcrum.api.model.vrrp.VrrpSyncGroup;
import dev.fulcrum.api.model.vrrp.VrrpTrackFile;
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
 * weighs a subsystem's health as track_interface weighs a link. A {@code track_file}'s value counts
 * as keepalived 2.2.7 counts it (vrrp_track.c, update_track_file_status): with weight 0 a value other
 * than 0 (with reverse: a value of 0) is a FAULT; otherwise value × weight (negated by reverse) is
 * added, capped at 253, and -254 or less is a FAULT. Pure.
 */
final class TrackingRules {

    /** The effective priority before the state machine's clamping, and the faults. */
    record Effect(int priority, Set<String> faults) {
    }

    /** keepalived.conf(5) Track files: "if the result is less than -253 ... transition to the fault state". */
    static final int FILE_FAULT = -254;
    /** vrrp_track.c: a track file's contribution is capped at 253, the largest a priority can gain. */
    static final int FILE_MAX = 253;

    private final VrrpConfig config;

    TrackingRules(VrrpConfig config) {
        this.config = config;
    }

    /**
     * @param scriptsGood the current result of each vrrp_script by name (absent: not run yet, counted good)
     * @param linksDown   the names of interfaces that are down
     * @param subsystemsGood whether each tracked Fulcrum subsystem is healthy, by name (absent: not polled yet, counted good)
     * @param fileValues the value of each track_file by name (absent: not read yet, counted 0 as a missing file is)
     */
    Effect effect(VrrpInstance instance, Map<String, Boolean> scriptsGood, Set<String> linksDown,
            Map<String, Boolean> subsystemsGood, Map<String, Integer> fileValues) {
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
        for (TrackedFile tracked : trackedFiles(instance)) {
            VrrpTrackFile file = config.trackFile(tracked.name()).orElse(null);
            if (file == null) {
                continue; // the configuration check reports an unknown track_file
            }
            int status = fileStatus(fileValues.getOrDefault(file.name(), 0), tracked.weightIn(file),
                    tracked.reverseIn(file));
            if (status == FILE_FAULT) {
                faults.add("file " + file.name());
            } else {
                priority += status;
            }
        }
        return new Effect(priority, faults);
    }

    /**
     * What one track file adds to the priority, or {@link #FILE_FAULT}. Computed in long: keepalived's
     * int product could overflow for a large value, which a number in a file must not turn into a gain.
     */
    static int fileStatus(int value, int weight, boolean reverse) {
        if (weight == 0) {
            return (value != 0) != reverse ? FILE_FAULT : 0;
        }
        long status = (long) value * weight * (reverse ? -1 : 1);
        return (int) Math.max(FILE_FAULT, Math.min(FILE_MAX, status));
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

    /**
     * The instance's own entries and its sync group's. keepalived.conf(5) Track files: a member of a
     * sync group, or the address owner, must give its own entries weight 0; keepalived 2.2.7 drops one
     * that does not ("(VI_1) ignoring tracked file tfa with weight 10 due to SYNC group"), and so does
     * this (the keepalived.conf reader warns). The sync group's own entries keep their weights.
     */
    private List<TrackedFile> trackedFiles(VrrpInstance instance) {
        List<VrrpSyncGroup> groups = groupsOf(instance);
        boolean weightless = !groups.isEmpty() || instance.priority() == VrrpInstance.OWNER_PRIORITY;
        List<TrackedFile> all = new ArrayList<>(instance.trackFiles().stream().filter(t -> !weightless
                || config.trackFile(t.name()).map(t::weightIn).orElse(0) == 0).toList());
        groups.forEach(group -> all.addAll(group.trackFiles()));
        return all;
    }

    private List<VrrpSyncGroup> groupsOf(VrrpInstance instance) {
        return config.syncGroups().stream().filter(g -> g.group().contains(instance.name())).toList();
    }
}
