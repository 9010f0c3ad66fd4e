package dev.fulcrum.api.model.vrrp;

import java.util.List;

/** The VRRP part of the desired state, in the order of the configuration. */
public record VrrpConfig(List<VrrpScript> scripts, List<VrrpInstance> instances, List<VrrpSyncGroup> syncGroups) {

    public static final VrrpConfig EMPTY = new VrrpConfig(List.of(), List.of(), List.of());

    public VrrpConfig {
        scripts = List.copyOf(scripts);
        instances = List.copyOf(instances);
        syncGroups = List.copyOf(syncGroups);
    }
}
