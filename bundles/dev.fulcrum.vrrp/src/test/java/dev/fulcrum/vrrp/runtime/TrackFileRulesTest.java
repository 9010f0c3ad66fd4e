package dev.fulcrum.vrrp.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.model.vrrp.NotifyScripts;
import dev.fulcrum.api.model.vrrp.TrackedFile;
import dev.fulcrum.api.model.vrrp.VrrpConfig;
import dev.fulcrum.api.model.vrrp.VrrpInstance;
import dev.fulcrum.api.model.vrrp.VrrpSyncGroup;
import dev.fulcrum.api.model.vrrp.VrrpTrackFile;
import dev.fulcrum.vrrp.runtime.TrackingRules.Effect;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** keepalived.conf(5) "Track files": what a file's value does to the priority of an instance tracking it. */
class TrackFileRulesTest {

    private static VrrpTrackFile file(String name, int weight, boolean reverse) {
        return new VrrpTrackFile(name, "/run/" + name, weight, reverse, Optional.empty());
    }

    private static Effect effect(VrrpConfig config, Map<String, Integer> values) {
        return new TrackingRules(config).effect(config.instances().get(0), Map.of(), Set.of(), Map.of(), values);
    }

    @ParameterizedTest(name = "value {0} weight {1} reverse {2} -> {3}")
    @CsvSource({
        // weight 0: a non-zero value fails (seen in keepalived 2.2.7: "tracked file ... now FAULT state")
        "0, 0, false, 0", "1, 0, false, -254", "-5, 0, false, -254",
        // weight 0 reverse: 0 fails (keepalived 2.2.7 started such an instance in FAULT with the file missing)
        "0, 0, true, -254", "7, 0, true, 0",
        // value x weight, reverse negates
        "3, 10, false, 30", "3, 10, true, -30", "-2, -5, false, 10", "-3, 5, true, 15",
        // capped at 253; -254 and below is FAULT (seen: -30 x 10 put the instance in FAULT)
        "30, 10, false, 253", "-30, 10, false, -254", "-253, 1, false, -253", "-254, 1, false, -254",
        // no int overflow: a huge value stays huge
        "2147483647, 254, false, 253", "-2147483648, -254, false, 253", "2147483647, 254, true, -254"})
    void statusIsValueTimesWeight(int value, int weight, boolean reverse, int status) {
        assertEquals(status, TrackingRules.fileStatus(value, weight, reverse));
    }

    @Test
    void theInstanceAddsEachFileAndFaultsOnAny() throws Exception {
        VrrpInstance instance = LiveChangeTest.instance(100, "e0").withTrackFiles(List.of(new TrackedFile("prio"),
                new TrackedFile("gate")));
        VrrpConfig config = new VrrpConfig(List.of(), List.of(instance), List.of(),
                List.of(file("prio", -10, false), file("gate", 0, false)));
        assertEquals(new Effect(100, Set.of()), effect(config, Map.of()), "not read yet: 0, as a missing file");
        assertEquals(new Effect(70, Set.of()), effect(config, Map.of("prio", 3, "gate", 0)));
        assertEquals(new Effect(70, Set.of("file gate")), effect(config, Map.of("prio", 3, "gate", 1)));
        assertEquals(new Effect(100, Set.of("file prio")), effect(config, Map.of("prio", 26)), "-260: FAULT");
    }

    @Test
    void theTrackingLineOverridesWeightAndReverseAndSyncGroupsCountForTheirMembers() throws Exception {
        VrrpInstance instance = LiveChangeTest.instance(100, "e0").withTrackFiles(List.of(
                new TrackedFile("f", OptionalInt.of(0), Optional.empty())));
        VrrpSyncGroup group = new VrrpSyncGroup("G", List.of(instance.name()), NotifyScripts.NONE, false, List.of(),
                List.of(), List.of(new TrackedFile("g", OptionalInt.of(4), Optional.of(false))));
        VrrpConfig config = new VrrpConfig(List.of(), List.of(instance), List.of(group),
                List.of(file("f", 10, true), file("g", 1, true)));
        assertEquals(new Effect(100 + 4 * 5, Set.of("file f")), effect(config, Map.of("f", 0, "g", 5)),
                "f: weight 0 from the line, reverse from the track_file (0 fails); g: weight 4 noreverse from the group");
        assertEquals(new Effect(100 + 4 * 5, Set.of()), effect(config, Map.of("f", 1, "g", 5)));
    }

    /** keepalived 2.2.7: "(VI_1) ignoring tracked file tfa with weight 10 due to SYNC group" / "due to address_owner". */
    @Test
    void aWeightedEntryOfASyncGroupMemberOrTheOwnerIsIgnoredAsKeepalivedIgnoresIt() throws Exception {
        List<TrackedFile> weighted = List.of(new TrackedFile("f"), new TrackedFile("gate", OptionalInt.of(0),
                Optional.empty()));
        VrrpInstance member = LiveChangeTest.instance(100, "e0").withTrackFiles(weighted);
        VrrpSyncGroup group = new VrrpSyncGroup("G", List.of(member.name()), NotifyScripts.NONE, false, List.of(),
                List.of());
        List<VrrpTrackFile> files = List.of(file("f", 10, false), file("gate", 7, false));
        Map<String, Integer> values = Map.of("f", 3, "gate", 1);
        assertEquals(new Effect(130, Set.of("file gate")), effect(new VrrpConfig(List.of(), List.of(member), List.of(),
                files), values), "alone: both count");
        assertEquals(new Effect(100, Set.of("file gate")), effect(new VrrpConfig(List.of(), List.of(member),
                List.of(group), files), values), "in a sync group: only the weight-0 entry");
        VrrpInstance owner = LiveChangeTest.instance(255, "e0").withTrackFiles(weighted);
        assertEquals(new Effect(255, Set.of("file gate")), effect(new VrrpConfig(List.of(), List.of(owner), List.of(),
                files), values), "the address owner: only the weight-0 entry");
    }
}
