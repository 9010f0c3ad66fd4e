package dev.fulcrum.config.keepalived.model;

import static dev.fulcrum.config.keepalived.model.Configs.check;
import static dev.fulcrum.config.keepalived.model.Configs.problems;
import static dev.fulcrum.config.keepalived.model.Configs.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.vrrp.TrackedScript;
import dev.fulcrum.api.model.vrrp.TrackedSubsystem;
import dev.fulcrum.api.model.vrrp.VrrpInstance;
import dev.fulcrum.config.emit.KeepalivedEmitter;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Fulcrum's track_subsystem { SUBSYSTEM [weight N] } in a vrrp_instance, beside keepalived's track_script. */
class TrackSubsystemTest {

    private static final String INSTANCE = "vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n";

    @Test
    void namesAndWeightsAreRead() {
        VrrpInstance i = valid(INSTANCE + "    track_subsystem {\n        proxy\n        ipvs weight -20\n"
                + "        sched weight 5\n    }\n}\n").vrrp().instances().get(0);
        assertEquals(List.of(new TrackedSubsystem("proxy", 0), new TrackedSubsystem("ipvs", -20),
                new TrackedSubsystem("sched", 5)), i.trackSubsystems());
    }

    @Test
    void appendixAChkHaproxyStillWorksAsWrittenAndBothCanBeUsedTogether() {
        VrrpInstance i = valid("vrrp_script chk_haproxy {\n    script \"killall -0 haproxy\"\n    interval 2\n"
                + "    weight 2\n}\n" + INSTANCE + "    track_script {\n        chk_haproxy\n    }\n"
                + "    track_subsystem {\n        proxy weight 2\n    }\n}\n").vrrp().instances().get(0);
        assertEquals(List.of(new TrackedScript("chk_haproxy", OptionalInt.empty())), i.trackScripts());
        assertEquals(List.of(new TrackedSubsystem("proxy", 2)), i.trackSubsystems());
    }

    @Test
    void vrrpCannotTrackItselfAndWeightsAreChecked() {
        KeepalivedConfigs.Result result = check(INSTANCE + "    track_subsystem {\n        vrrp\n"
                + "        proxy weight 254\n        ipvs heavy 3\n        sched weight\n    }\n}\n");
        assertTrue(result.config().isEmpty(), "rejected");
        assertEquals(List.of(
                "k.conf:5:9: error: 'vrrp': track_subsystem: a vrrp_instance cannot track the vrrp subsystem itself",
                "k.conf:6:22: error: '254': expected an integer -253..253",
                "k.conf:7:14: error: 'heavy': expected weight",
                "k.conf:8:21: error: weight: missing argument: expected an integer -253..253"), problems(result));
    }

    @Test
    void aNameNoFulcrumBundleUsesIsAWarning() {
        KeepalivedConfigs.Result result = check(INSTANCE + "    track_subsystem {\n        prxy weight 10\n    }\n}\n");
        assertEquals(List.of("k.conf:5:9: warning: 'prxy': track_subsystem: no Fulcrum subsystem is called this "
                + "(known: config, deploy, host, ipvs, proxy, sched, syslog); it counts as failing while none of this "
                + "name runs"), problems(result));
        assertEquals(List.of(new TrackedSubsystem("prxy", 10)),
                result.config().orElseThrow().vrrp().instances().get(0).trackSubsystems());
    }

    @Test
    void theEmitterKeepsTheBlock() {
        String emitted = KeepalivedEmitter.emit(valid(INSTANCE + "    track_subsystem {\n        proxy\n"
                + "        ipvs weight -20\n    }\n}\n"));
        assertTrue(emitted.contains("track_subsystem {\n        proxy\n        ipvs weight -20\n    }\n}\n"),
                "written last in its vrrp_instance: " + emitted);
        assertEquals(List.of(new TrackedSubsystem("proxy", 0), new TrackedSubsystem("ipvs", -20)),
                valid(emitted).vrrp().instances().get(0).trackSubsystems());
    }

    /** keepalived 2.2.7 takes the "}" of a block it does not know as the end of the vrrp_instance. */
    @Test
    void anythingAfterItIsAWarningBecauseKeepalivedWouldLoseIt() {
        KeepalivedConfigs.Result result = check(INSTANCE + "    track_subsystem {\n        proxy\n    }\n"
                + "    priority 150\n}\n");
        assertEquals(List.of("k.conf:4:5: warning: 'track_subsystem': track_subsystem is Fulcrum's: keepalived ends "
                + "the vrrp_instance at its '}' and ignores what follows; put it last in the vrrp_instance"),
                problems(result));
        assertEquals(150, result.config().orElseThrow().vrrp().instances().get(0).priority());
    }

    @Test
    void trackSubsystemIsNotAcceptedInASyncGroup() {
        KeepalivedConfigs.Result result = check(INSTANCE + "}\nvrrp_sync_group G {\n    group {\n        VI_1\n    }\n"
                + "    track_subsystem {\n        proxy\n    }\n}\n");
        assertTrue(problems(result).stream().anyMatch(p -> p.startsWith("k.conf:9:5: ") && p.contains("track_subsystem")),
                problems(result).toString());
    }
}
