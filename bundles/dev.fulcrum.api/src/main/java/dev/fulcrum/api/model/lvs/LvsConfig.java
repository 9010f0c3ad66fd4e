package dev.fulcrum.api.model.lvs;

import java.util.List;

/** The IPVS part of the desired state, in the order of the configuration. */
public record LvsConfig(List<VirtualServer> virtualServers, List<VirtualServerGroup> groups) {

    public static final LvsConfig EMPTY = new LvsConfig(List.of(), List.of());

    public LvsConfig {
        virtualServers = List.copyOf(virtualServers);
        groups = List.copyOf(groups);
    }
}
