package dev.fulcrum.api.model.vrrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** keepalived.conf(5) track_file blocks and their use in vrrp_instance / vrrp_sync_group. */
class TrackFileModelTest {

    private static final VrrpTrackFile FLAG = new VrrpTrackFile("flag", "/run/flag", 10, true, Optional.empty());

    private static VrrpInstance instance(List<TrackedFile> files) {
        return new VrrpInstance("A", InitialState.BACKUP, "eth0", 1, 100, Duration.ofSeconds(1), 3, Optional.empty(),
                List.of(), List.of(), false, Duration.ZERO, true, false, Optional.empty(), List.of(), Optional.empty(),
                List.of(), List.of(), false, NotifyScripts.NONE, false, GarpSettings.GLOBAL_DEFAULTS)
                .withTrackFiles(files);
    }

    private static String rejected(List<VrrpTrackFile> files, List<TrackedFile> instanceTracks,
            List<TrackedFile> groupTracks) {
        VrrpSyncGroup group = new VrrpSyncGroup("G", List.of("A"), NotifyScripts.NONE, false, List.of(), List.of(),
                groupTracks);
        return assertThrows(IllegalArgumentException.class,
                () -> new VrrpConfig(List.of(), List.of(instance(instanceTracks)), List.of(group), files)).getMessage();
    }

    @Test
    void aTrackedFileTakesWhatItDoesNotSayFromItsTrackFile() {
        TrackedFile plain = new TrackedFile("flag");
        assertEquals(10, plain.weightIn(FLAG));
        assertEquals(true, plain.reverseIn(FLAG));
        TrackedFile weighted = new TrackedFile("flag", OptionalInt.of(-3), Optional.empty());
        assertEquals(-3, weighted.weightIn(FLAG));
        assertEquals(true, weighted.reverseIn(FLAG), "weight without reverse|noreverse keeps the track_file's");
        TrackedFile noreverse = new TrackedFile("flag", OptionalInt.of(2), Optional.of(false));
        assertEquals(false, noreverse.reverseIn(FLAG));
    }

    @Test
    void weightsAreThoseKeepalivedAccepts() {
        assertEquals("weight must be from -254 to 254, was 255", assertThrows(IllegalArgumentException.class,
                () -> new VrrpTrackFile("f", "/x", 255, false, Optional.empty())).getMessage());
        assertEquals("weight must be from -254 to 254, was -300", assertThrows(IllegalArgumentException.class,
                () -> new TrackedFile("f", OptionalInt.of(-300), Optional.empty())).getMessage());
        assertEquals("reverse|noreverse is written after a weight", assertThrows(IllegalArgumentException.class,
                () -> new TrackedFile("f", OptionalInt.empty(), Optional.of(true))).getMessage());
        assertEquals("file must not be blank", assertThrows(IllegalArgumentException.class,
                () -> new VrrpTrackFile("f", " ", 1, false, Optional.empty())).getMessage());
    }

    @Test
    void namesAreUniqueAndEveryTrackedFileIsDefined() {
        assertEquals("duplicate track_file name 'flag'", rejected(List.of(FLAG, FLAG), List.of(), List.of()));
        assertEquals("vrrp_instance A: track_file nope names no track_file block",
                rejected(List.of(FLAG), List.of(new TrackedFile("nope")), List.of()));
        assertEquals("vrrp_sync_group G: track_file nope names no track_file block",
                rejected(List.of(FLAG), List.of(), List.of(new TrackedFile("nope"))));
        assertEquals("vrrp_instance A: track_file flag is listed twice",
                rejected(List.of(FLAG), List.of(new TrackedFile("flag"), new TrackedFile("flag")), List.of()));
        VrrpConfig fine = new VrrpConfig(List.of(), List.of(instance(List.of(new TrackedFile("flag")))), List.of(),
                List.of(FLAG));
        assertEquals(Optional.of(FLAG), fine.trackFile("flag"));
        assertEquals(Optional.empty(), fine.trackFile("other"));
    }
}
