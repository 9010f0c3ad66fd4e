package dev.fulcrum.api.model.vrrp;

import dev.fulcrum.api.model.internal.Checks;
import java.util.List;
import java.util.Objects;

/**
 * keepalived.conf(5) {@code vrrp_sync_group <NAME> { group { <INSTANCE>... } ... }}: instances that
 * change state together.
 *
 * @param group the member instances' names, at least one
 */
public record VrrpSyncGroup(String name, List<String> group, NotifyScripts notifyScripts, boolean smtpAlert,
        List<TrackedInterface> trackInterfaces, List<TrackedScript> trackScripts) {

    public VrrpSyncGroup {
        Checks.name("name", name);
        group = List.copyOf(group);
        if (group.isEmpty()) {
            throw new IllegalArgumentException("a sync group needs at least one instance");
        }
        Objects.requireNonNull(notifyScripts, "notifyScripts");
        trackInterfaces = List.copyOf(trackInterfaces);
        trackScripts = List.copyOf(trackScripts);
    }
}
