package dev.fulcrum.vrrp.runtime;

import dev.fulcrum.api.status.SubsystemStatus;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The {@code vrrp} subsystem's status from what {@link VrrpEngine#apply} reported. */
final class VrrpStatus {

    static final String NAME = "vrrp";

    private VrrpStatus() {
    }

    /**
     * @param configured how many vrrp_instance blocks the revision has
     * @param running    the running instances and their states
     * @param problems   one line per instance that could not start
     */
    static SubsystemStatus of(int configured, Map<String, ?> running, List<String> problems) {
        if (configured == 0) {
            return SubsystemStatus.active(NAME, "no vrrp_instance configured");
        }
        String states = running.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        if (problems.isEmpty()) {
            return SubsystemStatus.active(NAME, states);
        }
        String reason = String.join("; ", problems);
        if (running.isEmpty()) {
            // Nothing runs: no CAP_NET_RAW (EPERM) or no usable interface on this machine.
            return SubsystemStatus.inactive(NAME, reason);
        }
        return SubsystemStatus.degraded(NAME, reason + "; running: " + states);
    }
}
