package dev.fulcrum.config.keepalived.model;

import java.util.Set;

/**
 * The names the configuration defines, collected before mapping so that a reference (a
 * track_script or track_file, a sync group member, lvs_sync_daemon's instance, virtual_server group) can be
 * checked where it is written, whatever the order of the blocks.
 */
record Names(Set<String> instances, Set<String> scripts, Set<String> serverGroups, Set<String> trackFiles) {

    Names {
        instances = Set.copyOf(instances);
        scripts = Set.copyOf(scripts);
        serverGroups = Set.copyOf(serverGroups);
        trackFiles = Set.copyOf(trackFiles);
    }
}
