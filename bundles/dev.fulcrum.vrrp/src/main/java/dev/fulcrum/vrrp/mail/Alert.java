package dev.fulcrum.vrrp.mail;

import dev.fulcrum.vrrp.fsm.VrrpState;
import java.util.Optional;

/**
 * The subject and body of one keepalived e-mail alert (keepalived.conf(5) {@code smtp_alert}):
 * "[router_id] VRRP Instance VI_1 - Entering MASTER state" with the one-line body keepalived
 * writes for that transition. Only MASTER, BACKUP and FAULT are announced, as keepalived does.
 */
public record Alert(String subject, String body) {

    /** An alert for a vrrp_instance entering {@code state}; empty for a state keepalived does not mail. */
    public static Optional<Alert> instance(String routerId, String instance, VrrpState state) {
        return entering(state).map(entering -> new Alert(
                "[" + routerId + "] VRRP Instance " + instance + " - " + entering,
                switch (state) {
                    case MASTER -> "=> VRRP Instance is now owning VRRP VIPs <=";
                    case BACKUP -> "=> VRRP Instance is no longer owning VRRP VIPs <=";
                    default -> "=> VRRP Instance is in FAULT state <=";
                }));
    }

    /** An alert for a vrrp_sync_group whose members have all entered {@code state}. */
    public static Optional<Alert> group(String routerId, String group, VrrpState state) {
        return entering(state).map(entering -> new Alert(
                "[" + routerId + "] VRRP Group " + group + " - " + entering,
                "=> All VRRP group instances are now in " + state.name() + " state <="));
    }

    private static Optional<String> entering(VrrpState state) {
        return state == VrrpState.INITIALIZE ? Optional.empty()
                : Optional.of("Entering " + state.name() + " state");
    }
}
