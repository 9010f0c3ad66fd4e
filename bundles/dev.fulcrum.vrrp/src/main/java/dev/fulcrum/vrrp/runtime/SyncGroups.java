package dev.fulcrum.vrrp.runtime;

import dev.fulcrum.api.model.vrrp.VrrpConfig;
import dev.fulcrum.api.model.vrrp.VrrpSyncGroup;
import dev.fulcrum.vrrp.fsm.Action.StateChanged;
import dev.fulcrum.vrrp.fsm.VrrpState;
import java.util.List;
import java.util.function.Function;

/**
 * keepalived.conf(5) {@code vrrp_sync_group}: when one member goes MASTER or BACKUP the others
 * follow at once; while one is in FAULT the others are too (a fault named after the member).
 * Called on the event loop with each state change.
 */
final class SyncGroups {

    private final Function<String, VrrpRouter> routers;
    private volatile List<VrrpSyncGroup> groups = List.of();

    SyncGroups(Function<String, VrrpRouter> routers) {
        this.routers = routers;
    }

    void configure(VrrpConfig config) {
        groups = config.syncGroups();
    }

    /** The sync group of {@code instance}, if any. */
    VrrpSyncGroup groupOf(String instance) {
        return groups.stream().filter(g -> g.group().contains(instance)).findFirst().orElse(null);
    }

    void stateChanged(String instance, StateChanged change) {
        VrrpSyncGroup group = groupOf(instance);
        if (group == null) {
            return;
        }
        String fault = "sync group " + group.name() + " member " + instance + " in FAULT";
        for (String member : group.group()) {
            VrrpRouter router = member.equals(instance) ? null : routers.apply(member);
            if (router == null) {
                continue;
            }
            if (change.to() == VrrpState.FAULT) {
                router.faultRaised(fault);
            } else {
                if (change.from() == VrrpState.FAULT) {
                    router.faultCleared(fault);
                }
                if (change.to() == VrrpState.MASTER || change.to() == VrrpState.BACKUP) {
                    router.follow(change.to(), "sync group " + group.name() + ": " + instance + " is " + change.to());
                }
            }
        }
    }
}
