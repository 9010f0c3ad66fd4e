package dev.fulcrum.vrrp.runtime;

import dev.fulcrum.api.model.vrrp.VrrpInstance;

/** How a new revision of a vrrp_instance differs from the running one. */
final class LiveChange {

    private LiveChange() {
    }

    /** Whether {@code next} is {@code current} with another {@code priority} and nothing else. */
    static boolean onlyPriorityDiffers(VrrpInstance current, VrrpInstance next) {
        return current.priority() != next.priority() && withPriority(current, next.priority()).equals(next);
    }

    private static VrrpInstance withPriority(VrrpInstance i, int priority) {
        return new VrrpInstance(i.name(), i.initialState(), i.interfaceName(), i.virtualRouterId(), priority,
                i.advertInterval(), i.version(), i.authentication(), i.virtualAddresses(), i.excludedAddresses(),
                i.nopreempt(), i.preemptDelay(), i.accept(), i.strictMode(), i.unicastSourceIp(), i.unicastPeers(),
                i.unicastTtl(), i.multicastSourceIp(), i.trackInterfaces(), i.trackScripts(), i.dontTrackPrimary(),
                i.notifyScripts(), i.smtpAlert(), i.garp());
    }
}
