package dev.fulcrum.config.keepalived.model;

import dev.fulcrum.api.model.vrrp.TrackedFile;
import dev.fulcrum.api.model.vrrp.VrrpConfig;
import dev.fulcrum.api.model.vrrp.VrrpInstance;
import dev.fulcrum.api.model.vrrp.VrrpTrackFile;
import dev.fulcrum.config.keepalived.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * keepalived.conf(5) Track files: "If a vrrp instance using a track_file is a member of a sync group,
 * unless sync_group_tracking_weight is set on the group weight 0 must be set. Likewise, if the vrrp
 * instance is the address owner, weight 0 must also be set." keepalived 2.2.7 then drops the entry
 * ("(VI_1) ignoring tracked file tfa with weight 10 due to SYNC group", "... due to address_owner");
 * Fulcrum's tracking does the same, and the reader warns at the entry.
 */
final class TrackFileWeights {

    private TrackFileWeights() {
    }

    static void warn(Args args, List<Statement> statements, VrrpConfig vrrp) {
        Set<String> synced = vrrp.syncGroups().stream().flatMap(g -> g.group().stream()).collect(Collectors.toSet());
        for (VrrpInstance instance : vrrp.instances()) {
            String reason = synced.contains(instance.name()) ? "the instance is in a vrrp_sync_group"
                    : instance.priority() == VrrpInstance.OWNER_PRIORITY ? "the instance is the address owner" : null;
            if (reason == null) {
                continue;
            }
            for (TrackedFile tracked : instance.trackFiles()) {
                Optional<VrrpTrackFile> file = vrrp.trackFile(tracked.name());
                int weight = file.map(tracked::weightIn).orElse(0);
                if (weight != 0) {
                    entry(statements, instance.name(), tracked.name()).ifPresent(line -> args.warning(line,
                            "track_file: ignored, as keepalived ignores it, because " + reason + " and the weight is "
                                    + weight + ", not 0"));
                }
            }
        }
    }

    /** The line naming {@code file} in the instance's (last) track_file block. */
    private static Optional<Statement> entry(List<Statement> statements, String instance, String file) {
        return statements.stream()
                .filter(s -> s.keyword().equals("vrrp_instance") && s.argumentTexts().equals(List.of(instance)))
                .flatMap(s -> s.children("track_file").stream()).reduce((first, second) -> second)
                .flatMap(block -> block.block().stream().filter(line -> line.keyword().equals(file)).findFirst());
    }
}
