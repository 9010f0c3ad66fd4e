package dev.fulcrum.api.model.vrrp;

import dev.fulcrum.api.model.internal.Checks;
import java.util.List;
import java.util.Objects;

/**
 * keepalived.conf(5) {@code vrrp_sync_group <NAME> { group { <INSTANCE>... } ... }}: instances that
 * change state together.
 *
 * @param group the member instances' names, at least one
 * @param trackFiles {@code track_file { ... }}, tracked by every member
 */
public record VrrpSyncGroup(String name, List<String> group, NotifyScripts notifyScripts, boolean smtpAlert,
        List<TrackedInterface> trackInterfaces, List<TrackedScript> trackScripts, List<TrackedFile> trackFiles) {

    public VrrpSyncGroup {
        Checks.name("name", name);
        group = List.copyOf(group);
        if (group.isEmpty()) {
            throw new IllegalArgumentException("a sync group needs at least one instance");
        }
        Objects.requireNonNull(notifyScripts, "notifyScripts");
        trackInterfaces = List.copyOf(trackInterfaces);
        trackScripts = List.copyOf(trackScripts);
        trackFiles = List.copyOf(trackFiles);
    }

    /** A sync group that tracks no file. */
    public VrrpSyncGroup(String name, List<String> group, NotifyScripts notifyScripts, boolean smtpAlert,
            List<TrackedInterface> trackInterfaces, List<TrackedScript> trackScripts) {
        this(name, group, notifyScripts, smtpAlert, trackInterfaces, trackScripts, List.of());
    }
}
