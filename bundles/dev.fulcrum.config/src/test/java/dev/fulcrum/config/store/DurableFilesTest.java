package dev.fulcrum.config.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableFilesTest {

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replaceWritesExactlyTheBytesOwnerOnlyAndLeavesNoTempFile() throws IOException {
        Path target = dir.resolve("current");
        DurableFiles.replace(target, "0000000001\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals("0000000001\n", Files.readString(target));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals(List.of("current"), names());
    }

    @Test
    void replaceOverwritesAndTruncatesAStaleTempFile() throws IOException {
        Path target = dir.resolve("current");
        DurableFiles.replace(target, "first, and longer than the second\n".getBytes(StandardCharsets.US_ASCII));
        Files.writeString(dir.resolve("current.tmp"), "stale remains of a crash, longer still...........\n");
        DurableFiles.replace(target, "second\n".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals("second\n".getBytes(StandardCharsets.US_ASCII), Files.readAllBytes(target));
        assertEquals(List.of("current"), names());
    }

    @Test
    void aFailedRenameLeavesTheTargetAloneAndNoTempFile() throws IOException {
        Path target = Files.createDirectory(dir.resolve("0000000001.rev"));
        Files.writeString(target.resolve("keep"), "x");
        assertThrows(IOException.class, () -> DurableFiles.replace(target, new byte[] {1, 2, 3}));
        assertTrue(Files.isDirectory(target));
        assertEquals(List.of("0000000001.rev"), names());
    }

    @Test
    void ioFailuresNameThePath() {
        Path missing = dir.resolve("no-such-dir");
        IOException e = assertThrows(IOException.class, () -> DurableFiles.syncDirectory(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        IOException write = assertThrows(IOException.class,
                () -> DurableFiles.replace(missing.resolve("current"), new byte[1]));
        assertTrue(write.getMessage().contains(missing.toString()), write.getMessage());
    }

    @Test
    void createDirectoryMakesParentsOwnerOnlyAndIsIdempotent() throws IOException {
        Path revisions = dir.resolve("state/config/revisions");
        DurableFiles.createDirectory(revisions);
        DurableFiles.createDirectory(revisions);
        assertTrue(Files.isDirectory(revisions));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(revisions)));
    }
}
