package dev.fulcrum.api.model.lvs;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The IPVS part of the desired state, in the order of the configuration. Consistent as keepalived
 * requires it: one virtual server per key and protocol (IPVS keys a service by address, port and
 * protocol, or fwmark), unique group names, and every {@code virtual_server group NAME} defined.
 */
public record LvsConfig(List<VirtualServer> virtualServers, List<VirtualServerGroup> groups) {

    public static final LvsConfig EMPTY = new LvsConfig(List.of(), List.of());

    public LvsConfig {
        virtualServers = List.copyOf(virtualServers);
        groups = List.copyOf(groups);
        Set<String> groupNames = new HashSet<>();
        for (VirtualServerGroup group : groups) {
            if (!groupNames.add(group.name())) {
                throw new IllegalArgumentException("duplicate virtual_server_group name '" + group.name() + "'");
            }
        }
        Set<List<Object>> services = new HashSet<>();
        for (VirtualServer server : virtualServers) {
            if (server.key() instanceof ServiceKey.Group group && !groupNames.contains(group.name())) {
                throw new IllegalArgumentException("virtual_server group " + group.name()
                        + ": no virtual_server_group of this name");
            }
            if (!services.add(List.of(server.key(), server.protocol()))) {
                throw new IllegalArgumentException("duplicate virtual_server " + server.key().text() + " " + server.protocol());
            }
        }
    }
}
