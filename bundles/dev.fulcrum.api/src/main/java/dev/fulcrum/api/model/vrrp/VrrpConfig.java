package dev.fulcrum.api.model.vrrp;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The VRRP part of the desired state, in the order of the configuration. Consistent as keepalived
 * requires it (and the keepalived.conf reader reports with locations): unique names, every tracked
 * script and sync-group member defined, an instance in one sync group at most, and one VRID per
 * interface and address family (RFC 5798 section 5.2.3; the family of the first virtual address,
 * IPv4 when there is none).
 */
public record VrrpConfig(List<VrrpScript> scripts, List<VrrpInstance> instances, List<VrrpSyncGroup> syncGroups,
        List<VrrpTrackFile> trackFiles) {

    public static final VrrpConfig EMPTY = new VrrpConfig(List.of(), List.of(), List.of());

    public VrrpConfig {
        scripts = List.copyOf(scripts);
        instances = List.copyOf(instances);
        syncGroups = List.copyOf(syncGroups);
        trackFiles = List.copyOf(trackFiles);
        Set<String> scriptNames = unique("vrrp_script", scripts.stream().map(VrrpScript::name).toList());
        Set<String> fileNames = unique("track_file", trackFiles.stream().map(VrrpTrackFile::name).toList());
        Set<String> instanceNames = unique("vrrp_instance", instances.stream().map(VrrpInstance::name).toList());
        unique("vrrp_sync_group", syncGroups.stream().map(VrrpSyncGroup::name).toList());
        Map<String, String> vrids = new HashMap<>();
        for (VrrpInstance instance : instances) {
            tracked("vrrp_instance " + instance.name(), instance.trackScripts(), scriptNames);
            trackedFiles("vrrp_instance " + instance.name(), instance.trackFiles(), fileNames);
            String family = !instance.virtualAddresses().isEmpty()
                    && instance.virtualAddresses().get(0).address().getAddress().length == 16 ? "IPv6" : "IPv4";
            String earlier = vrids.putIfAbsent(instance.interfaceName() + " " + family + " " + instance.virtualRouterId(),
                    instance.name());
            if (earlier != null) {
                throw new IllegalArgumentException("vrrp_instance " + instance.name() + ": virtual_router_id "
                        + instance.virtualRouterId() + " is already used on " + instance.interfaceName() + " (" + family
                        + ") by vrrp_instance " + earlier);
            }
        }
        Map<String, String> memberOf = new HashMap<>();
        for (VrrpSyncGroup group : syncGroups) {
            tracked("vrrp_sync_group " + group.name(), group.trackScripts(), scriptNames);
            trackedFiles("vrrp_sync_group " + group.name(), group.trackFiles(), fileNames);
            for (String member : group.group()) {
                if (!instanceNames.contains(member)) {
                    throw new IllegalArgumentException("vrrp_sync_group " + group.name() + ": no vrrp_instance "
                            + member);
                }
                String earlier = memberOf.putIfAbsent(member, group.name());
                if (earlier != null) {
                    throw new IllegalArgumentException("vrrp_instance " + member + " is in vrrp_sync_group " + earlier
                            + " and " + group.name());
                }
            }
        }
    }

    /** A configuration without track files. */
    public VrrpConfig(List<VrrpScript> scripts, List<VrrpInstance> instances, List<VrrpSyncGroup> syncGroups) {
        this(scripts, instances, syncGroups, List.of());
    }

    /** The track_file of this name, if defined. */
    public Optional<VrrpTrackFile> trackFile(String name) {
        return trackFiles.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    private static Set<String> unique(String kind, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("duplicate " + kind + " name '" + name + "'");
            }
        }
        return seen;
    }

    private static void trackedFiles(String owner, List<TrackedFile> files, Set<String> defined) {
        Set<String> seen = new HashSet<>();
        for (TrackedFile file : files) {
            if (!defined.contains(file.name())) {
                throw new IllegalArgumentException(owner + ": track_file " + file.name() + " names no track_file block");
            }
            if (!seen.add(file.name())) {
                throw new IllegalArgumentException(owner + ": track_file " + file.name() + " is listed twice");
            }
        }
    }

    private static void tracked(String owner, List<TrackedScript> scripts, Set<String> defined) {
        for (TrackedScript script : scripts) {
            if (!defined.contains(script.name())) {
                throw new IllegalArgumentException(owner + ": track_script " + script.name() + " names no vrrp_script");
            }
        }
    }
}
