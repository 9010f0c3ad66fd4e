package dev.fulcrum.vrrp.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.vrrp.GarpSettings;
import dev.fulcrum.api.model.vrrp.InitialState;
import dev.fulcrum.api.model.vrrp.NotifyScripts;
import dev.fulcrum.api.model.vrrp.VirtualAddress;
import dev.fulcrum.api.model.vrrp.VrrpInstance;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LiveChangeTest {

    @Test
    void onlyAPriorityChangeIsLive() throws Exception {
        VrrpInstance base = instance(100, "e0");
        assertTrue(LiveChange.onlyPriorityDiffers(base, instance(150, "e0")));
        assertFalse(LiveChange.onlyPriorityDiffers(base, base), "no change at all");
        assertFalse(LiveChange.onlyPriorityDiffers(base, instance(150, "e1")), "priority and interface changed");
        assertFalse(LiveChange.onlyPriorityDiffers(base, instance(100, "e1")), "interface changed");
    }

    @Test
    void aPriorityChangeKeepsTheUnicastTtl() throws Exception {
        VrrpInstance ttl64 = withUnicastTtl(instance(100, "e0"), OptionalInt.of(64));
        assertTrue(LiveChange.onlyPriorityDiffers(ttl64, withUnicastTtl(instance(150, "e0"), OptionalInt.of(64))));
        assertFalse(LiveChange.onlyPriorityDiffers(ttl64, instance(150, "e0")), "unicast_ttl changed too");
    }

    private static VrrpInstance withUnicastTtl(VrrpInstance i, OptionalInt ttl) {
        return new VrrpInstance(i.name(), i.initialState(), i.interfaceName(), i.virtualRouterId(), i.priority(),
                i.advertInterval(), i.version(), i.authentication(), i.virtualAddresses(), i.excludedAddresses(),
                i.nopreempt(), i.preemptDelay(), i.accept(), i.strictMode(), i.unicastSourceIp(), i.unicastPeers(), ttl,
                i.multicastSourceIp(), i.trackInterfaces(), i.trackScripts(), i.dontTrackPrimary(), i.notifyScripts(),
                i.smtpAlert(), i.garp());
    }

    static VrrpInstance instance(int priority, String interfaceName) throws Exception {
        return new VrrpInstance("VI_1", InitialState.BACKUP, interfaceName, 51, priority, Duration.ofSeconds(1), 3,
                Optional.empty(), List.of(VirtualAddress.of(InetAddress.getByName("192.0.2.100"))), List.of(), false,
                Duration.ZERO, false, false, Optional.empty(), List.of(), Optional.empty(), List.of(), List.of(), false,
                NotifyScripts.NONE, false, GarpSettings.GLOBAL_DEFAULTS);
    }
}
