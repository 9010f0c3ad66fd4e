package dev.fulcrum.vrrp.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.fulcrum.api.model.vrrp.TrackedFile;
import dev.fulcrum.api.model.vrrp.VrrpConfig;
import dev.fulcrum.api.model.vrrp.VrrpInstance;
import dev.fulcrum.api.model.vrrp.VrrpTrackFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watch on real files (inotify through the JDK's WatchService): what it tells, and init_file. A
 * value is waited for as an event, never for a time; the 10 s bound only ends a broken run.
 */
class TrackFileWatchTest {

    @TempDir
    Path dir;
    private final BlockingQueue<String> told = new LinkedBlockingQueue<>();
    private TrackFileWatch watch;

    @BeforeEach
    void start() throws Exception {
        watch = new TrackFileWatch((name, value) -> told.add(name + "=" + value), "test-files");
    }

    @AfterEach
    void stop() {
        watch.close();
    }

    private VrrpTrackFile file(String name, Optional<VrrpTrackFile.Init> init) {
        return new VrrpTrackFile(name, dir.resolve(name).toString(), 1, false, init);
    }

    private static VrrpConfig tracking(List<VrrpTrackFile> files, String... tracked) throws Exception {
        VrrpInstance instance = LiveChangeTest.instance(100, "e0")
                .withTrackFiles(List.of(tracked).stream().map(TrackedFile::new).toList());
        return new VrrpConfig(List.of(), List.of(instance), List.of(), files);
    }

    private String next() throws InterruptedException {
        String value = told.poll(10, TimeUnit.SECONDS);
        return value == null ? "nothing told" : value;
    }

    @Test
    void everyChangeIsToldWhenWrittenAndADeletedFileIsZero() throws Exception {
        Files.writeString(dir.resolve("a"), "5\n");
        watch.configure(tracking(List.of(file("a", Optional.empty())), "a"));
        assertEquals("a=5", next(), "read on configuration");
        Files.writeString(dir.resolve("a"), "-7\n");
        assertEquals("a=-7", next());
        Path staged = Files.writeString(dir.resolve(".staged"), "9");
        Files.move(staged, dir.resolve("a"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        assertEquals("a=9", next(), "an atomic rename into place");
        Files.delete(dir.resolve("a"));
        assertEquals("a=0", next());
        Files.writeString(dir.resolve("a"), "0x10");
        assertEquals("a=16", next());
    }

    /** Events are handled in order: the value told for the marker file comes after anything about "a". */
    @Test
    void anUnchangedValueOrAnotherFileInTheDirectoryIsNotTold() throws Exception {
        Files.writeString(dir.resolve("a"), "1");
        watch.configure(tracking(List.of(file("a", Optional.empty()), file("marker", Optional.empty())), "a",
                "marker"));
        assertEquals(List.of("a=1", "marker=0"), List.of(next(), next()));
        Files.writeString(dir.resolve("other"), "3");
        Files.writeString(dir.resolve("a"), "1 still");
        Files.writeString(dir.resolve("marker"), "5");
        assertEquals("marker=5", next(), "nothing told for the untracked file or the unchanged value");
    }

    @Test
    void initFileCreatesOrOverwritesAndAnUntrackedFileIsLeftAlone() throws Exception {
        Files.writeString(dir.resolve("kept"), "4");
        Files.writeString(dir.resolve("reset"), "4");
        watch.configure(tracking(List.of(file("fresh", Optional.of(new VrrpTrackFile.Init(3, false))),
                file("kept", Optional.of(new VrrpTrackFile.Init(3, false))),
                file("reset", Optional.of(new VrrpTrackFile.Init(-2, true))),
                file("unused", Optional.of(new VrrpTrackFile.Init(1, true)))), "fresh", "kept", "reset"));
        assertEquals(List.of("fresh=3", "kept=4", "reset=-2"), List.of(next(), next(), next()));
        assertEquals("3\n", Files.readString(dir.resolve("fresh")));
        assertEquals("-2\n", Files.readString(dir.resolve("reset")));
        assertEquals(false, Files.exists(dir.resolve("unused")), "keepalived reads only tracked files");
    }

    @Test
    void aNewRevisionWithTheSameDefinitionDoesNotRunInitFileAgain() throws Exception {
        VrrpConfig config = tracking(List.of(file("f", Optional.of(new VrrpTrackFile.Init(0, true)))), "f");
        watch.configure(config);
        assertEquals("f=0", next());
        Files.writeString(dir.resolve("f"), "6");
        assertEquals("f=6", next());
        watch.configure(config);
        assertEquals("6", Files.readString(dir.resolve("f")));
        assertNull(told.poll(), "nothing new to tell");
    }
}
