package dev.fulcrum.os.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutableLookupTest {

    @TempDir
    Path temp;

    private Path program(Path directory, String name, String permissions) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(name);
        Files.writeString(file, "#!/bin/true\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    @Test
    void firstExecutableOnPathWins() throws IOException {
        Path first = program(temp.resolve("a"), "tool", "rw-r--r--"); // not executable: skipped
        Path second = program(temp.resolve("b"), "tool", "rwxr-xr-x");
        program(temp.resolve("c"), "tool", "rwxr-xr-x");
        ExecutableLookup lookup = new ExecutableLookup(first.getParent() + ":" + second.getParent() + ":" + temp.resolve("c"));
        assertEquals(Optional.of(second), lookup.find("tool"));
        assertEquals(Optional.empty(), lookup.find("other"));
    }

    @Test
    void relativeAndEmptyEntriesAreSkipped() {
        ExecutableLookup lookup = new ExecutableLookup("::relative/bin:.:/usr/bin");
        assertEquals(Path.of("/usr/bin"), lookup.directories().get(0));
        assertTrue(lookup.directories().stream().allMatch(Path::isAbsolute));
    }

    @Test
    void systemDirectoriesComeAfterPath() {
        ExecutableLookup lookup = new ExecutableLookup("/opt/x/bin:/usr/sbin");
        assertEquals(List.of(Path.of("/opt/x/bin"), Path.of("/usr/sbin"), Path.of("/usr/local/sbin"), Path.of("/sbin")),
                lookup.directories());
    }

    @Test
    void unsetPathFallsBackToTheDefault() {
        assertTrue(new ExecutableLookup(null).directories().contains(Path.of("/usr/bin")));
        assertTrue(new ExecutableLookup("").find("cat").isPresent());
    }

    @Test
    void aNameWithASlashIsAPath() throws IOException {
        Path tool = program(temp.resolve("d"), "tool", "rwxr-xr-x");
        ExecutableLookup lookup = new ExecutableLookup("/nonexistent");
        assertEquals(Optional.of(tool), lookup.find(tool.toString()));
        assertFalse(lookup.find(temp.resolve("d/missing").toString()).isPresent());
        assertFalse(lookup.find("bad\0name").isPresent());
    }
}
