package dev.fulcrum.config.keepalived.model;

import static dev.fulcrum.config.keepalived.model.Configs.check;
import static dev.fulcrum.config.keepalived.model.Configs.problems;
import static dev.fulcrum.config.keepalived.model.Configs.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.vrrp.TrackedFile;
import dev.fulcrum.api.model.vrrp.VrrpConfig;
import dev.fulcrum.api.model.vrrp.VrrpTrackFile;
import dev.fulcrum.config.emit.KeepalivedEmitter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** keepalived.conf(5) "Track files": the track_file block and track_file { } in vrrp_instance and vrrp_sync_group. */
class TrackFileTest {

    private static final String INSTANCE = "vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n";

    @Test
    void bothSpellingsOfTheBlockAreReadWithKeepalivedsDefaults() {
        VrrpConfig vrrp = valid("track_file flag {\n    file \"/run/fulcrum/flag\"\n}\n"
                + "vrrp_track_file other {\n    file /run/other\n    weight -5 reverse\n    init_file 7 overwrite\n}\n"
                + "track_file zero {\n    file /run/zero\n    weight 0\n    init_file\n}\n"
                + "track_file keep {\n    file /run/keep\n    init_file overwrite\n}\n").vrrp();
        assertEquals(List.of(new VrrpTrackFile("flag", "/run/fulcrum/flag", 1, false, Optional.empty()),
                new VrrpTrackFile("other", "/run/other", -5, true, Optional.of(new VrrpTrackFile.Init(7, true))),
                new VrrpTrackFile("zero", "/run/zero", 0, false, Optional.of(new VrrpTrackFile.Init(0, false))),
                new VrrpTrackFile("keep", "/run/keep", 1, false, Optional.of(new VrrpTrackFile.Init(0, true)))),
                vrrp.trackFiles());
    }

    @Test
    void instancesAndSyncGroupsTrackFilesWithTheirOwnWeights() {
        VrrpConfig vrrp = valid("track_file a {\n    file /a\n}\ntrack_file b {\n    file /b\n}\n" + INSTANCE
                + "    track_file {\n        a\n        b weight -254 reverse\n    }\n}\n"
                + "vrrp_sync_group G {\n    group {\n        VI_1\n    }\n    track_file {\n        a weight 0 noreverse\n"
                + "        b weight 254\n    }\n}\n").vrrp();
        assertEquals(List.of(new TrackedFile("a"), new TrackedFile("b", OptionalInt.of(-254), Optional.of(true))),
                vrrp.instances().get(0).trackFiles());
        assertEquals(List.of(new TrackedFile("a", OptionalInt.of(0), Optional.of(false)),
                new TrackedFile("b", OptionalInt.of(254), Optional.empty())), vrrp.syncGroups().get(0).trackFiles());
    }

    @Test
    void aBadBlockIsReportedWithItsPlaceAndWhatWasExpected() {
        KeepalivedConfigs.Result result = check("track_file a {\n    weight 255\n    init_file x\n}\n"
                + "track_file b {\n    file /b\n    weight 2 sideways\n    init_file 1 2\n    interval 3\n}\n"
                + "track_file c {\n    weight 3\n}\nvrrp_track_file b {\n    file /b2\n}\n");
        assertTrue(result.config().isEmpty(), "rejected");
        assertEquals(List.of(
                "k.conf:14:17: error: 'b': duplicate vrrp_track_file name: first defined at k.conf:5:1",
                "k.conf:2:12: error: '255': expected an integer -254..254",
                "k.conf:3:15: error: 'x': expected an integer -2147483648..2147483647",
                "k.conf:7:14: error: 'sideways': expected reverse or noreverse",
                "k.conf:8:17: error: '2': init_file: expected [VALUE] [overwrite]",
                "k.conf:9:5: error: 'interval': unsupported keyword in track_file b",
                "k.conf:11:1: error: 'track_file': track_file c: file is required"),
                problems(result));
    }

    @Test
    void aTrackedFileMustBeDefinedOnceWithAValidWeight() {
        StringBuilder files = new StringBuilder();
        for (String name : List.of("a", "b", "c", "d", "e")) {
            files.append("track_file ").append(name).append(" {\n    file /").append(name).append("\n}\n");
        }
        KeepalivedConfigs.Result result = check(files + INSTANCE
                + "    track_file {\n        nope\n        a weight\n        b heavy 3\n        c weight 300\n"
                + "        d weight 3 backwards\n        e weight 1\n        e weight 2\n    }\n}\n");
        assertTrue(result.config().isEmpty(), "rejected");
        assertEquals(List.of(
                "k.conf:20:9: error: 'nope': track_file: no track_file block of this name is defined",
                "k.conf:21:17: error: weight: missing argument: expected an integer -254..254",
                "k.conf:22:11: error: 'heavy': expected weight",
                "k.conf:23:18: error: '300': expected an integer -254..254",
                "k.conf:24:20: error: 'backwards': expected reverse or noreverse",
                "k.conf:26:9: error: 'e': track_file: this track_file is already listed in the block"),
                problems(result));
    }

    @Test
    void theEmitterWritesWhatReadsBackTheSame() {
        String text = "vrrp_track_file \"with space\" {\n    file \"/run/a b\"\n    weight -7 reverse\n"
                + "    init_file -3 overwrite\n}\ntrack_file plain {\n    file /p\n    init_file\n}\n" + INSTANCE
                + "    track_file {\n        \"with space\" weight 2 noreverse\n        plain\n    }\n}\n"
                + "vrrp_sync_group G {\n    group {\n        VI_1\n    }\n    track_file {\n        plain weight 0\n"
                + "    }\n}\n";
        KeepalivedConfig read = valid(text);
        String emitted = KeepalivedEmitter.emit(read);
        assertTrue(emitted.contains("track_file plain {\n    file /p\n    weight 1\n    init_file 0\n}\n"), emitted);
        assertTrue(emitted.contains("track_file {\n        \"with space\" weight 2 noreverse\n        plain\n    }\n"),
                emitted);
        assertEquals(read.vrrp(), valid(emitted).vrrp());
    }

    /** keepalived 2.2.7: "(VI_1) ignoring tracked file tfa with weight 10 due to SYNC group" / "due to address_owner". */
    @Test
    void aWeightedFileOfASyncGroupMemberOrTheAddressOwnerIsAWarning() {
        KeepalivedConfigs.Result result = check("track_file f {\n    file /f\n    weight 10\n}\n" + INSTANCE
                + "    track_file {\n        f\n    }\n}\n"
                + "vrrp_instance VI_2 {\n    state MASTER\n    interface eth0\n    virtual_router_id 52\n    priority 255\n"
                + "    track_file {\n        f weight 0\n    }\n}\n"
                + "vrrp_instance VI_3 {\n    state MASTER\n    interface eth0\n    virtual_router_id 53\n    priority 255\n"
                + "    track_file {\n        f weight -2\n    }\n}\n"
                + "vrrp_sync_group G {\n    group {\n        VI_1\n    }\n    track_file {\n        f weight 3\n    }\n}\n");
        assertEquals(List.of(
                "k.conf:9:9: warning: 'f': track_file: ignored, as keepalived ignores it, because the instance is in "
                        + "a vrrp_sync_group and the weight is 10, not 0",
                "k.conf:27:9: warning: 'f': track_file: ignored, as keepalived ignores it, because the instance is "
                        + "the address owner and the weight is -2, not 0"), problems(result));
        assertEquals(1, result.config().orElseThrow().vrrp().instances().get(0).trackFiles().size(),
                "kept in the model, so that the emitted file says what was written");
    }
}
