package dev.fulcrum.vrrp.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.model.vrrp.NotifyScripts;
import dev.fulcrum.api.model.vrrp.TrackedInterface;
import dev.fulcrum.api.model.vrrp.TrackedScript;
import dev.fulcrum.api.model.vrrp.VrrpConfig;
import dev.fulcrum.api.model.vrrp.VrrpInstance;
import dev.fulcrum.api.model.vrrp.VrrpScript;
import dev.fulcrum.api.model.vrrp.VrrpSyncGroup;
import dev.fulcrum.vrrp.runtime.TrackingRules.Effect;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** keepalived.conf(5) track_script / track_interface weights. */
class TrackingRulesTest {

    private static VrrpScript script(String name, int weight, boolean reverse, boolean initFail) {
        return new VrrpScript(name, "true", Duration.ofSeconds(1), Optional.empty(), weight, reverse, 1, 1,
                Optional.empty(), initFail);
    }

    private static VrrpInstance tracking(List<TrackedInterface> interfaces, List<TrackedScript> scripts)
            throws Exception {
        VrrpInstance i = LiveChangeTest.instance(100, "e0");
        return new VrrpInstance(i.name(), i.initialState(), i.interfaceName(), i.virtualRouterId(), i.priority(),
                i.advertInterval(), i.version(), i.authentication(), i.virtualAddresses(), i.excludedAddresses(),
                i.nopreempt(), i.preemptDelay(), i.accept(), i.strictMode(), i.unicastSourceIp(), i.unicastPeers(),
                i.multicastSourceIp(), interfaces, scripts, false, i.notifyScripts(), i.smtpAlert(), i.garp());
    }

    @Test
    void negativeWeightsApplyOnFailurePositiveOnSuccessZeroIsFault() throws Exception {
        VrrpInstance instance = tracking(List.of(), List.of(new TrackedScript("down", OptionalInt.empty()),
                new TrackedScript("up", OptionalInt.empty()), new TrackedScript("gate", OptionalInt.empty())));
        TrackingRules rules = new TrackingRules(new VrrpConfig(List.of(script("down", -30, false, false),
                script("up", 20, false, false), script("gate", 0, false, false)), List.of(instance), List.of()));
        assertEquals(new Effect(120, Set.of()), rules.effect(instance, Map.of(), Set.of(), Map.of(), Map.of()), "all good: +20");
        assertEquals(new Effect(90, Set.of()), rules.effect(instance, Map.of("down", false), Set.of(), Map.of(), Map.of()), "-30 +20");
        assertEquals(new Effect(90, Set.of("script gate")), rules.effect(instance,
                Map.of("down", false, "gate", false), Set.of(), Map.of(), Map.of()));
        assertEquals(new Effect(100, Set.of()), rules.effect(instance, Map.of("up", false), Set.of(), Map.of(), Map.of()), "+20 lost");
    }

    @Test
    void trackScriptWeightOverridesReverseSwapsAndInitFailStartsBad() throws Exception {
        VrrpInstance instance = tracking(List.of(), List.of(new TrackedScript("a", OptionalInt.of(-50)),
                new TrackedScript("b", OptionalInt.empty())));
        TrackingRules rules = new TrackingRules(new VrrpConfig(List.of(script("a", -10, false, true),
                script("b", -5, true, false)), List.of(instance), List.of()));
        // a: not run yet with init_fail counts as failed, weight -50 from track_script;
        // b: reverse, so its success counts as a failure: -5.
        assertEquals(new Effect(45, Set.of()), rules.effect(instance, Map.of(), Set.of(), Map.of(), Map.of()));
        assertEquals(new Effect(100, Set.of()), rules.effect(instance, Map.of("a", true, "b", false), Set.of(), Map.of(), Map.of()));
    }

    @Test
    void interfacesOwnAndTrackedAndThoseOfTheSyncGroup() throws Exception {
        VrrpInstance instance = tracking(List.of(new TrackedInterface("e1", -40)), List.of());
        VrrpSyncGroup group = new VrrpSyncGroup("G", List.of("VI_1"), NotifyScripts.NONE, false,
                List.of(new TrackedInterface("e2", 0)), List.of());
        TrackingRules rules = new TrackingRules(new VrrpConfig(List.of(), List.of(instance), List.of(group)));
        assertEquals(new Effect(100, Set.of()), rules.effect(instance, Map.of(), Set.of(), Map.of(), Map.of()));
        assertEquals(new Effect(60, Set.of()), rules.effect(instance, Map.of(), Set.of("e1"), Map.of(), Map.of()));
        assertEquals(new Effect(100, Set.of("interface e0", "interface e2")),
                rules.effect(instance, Map.of(), Set.of("e0", "e2"), Map.of(), Map.of()));
    }
}
