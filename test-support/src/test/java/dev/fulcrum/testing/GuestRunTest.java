package dev.fulcrum.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The result files of a guest run: collected from the out directory, looked up by relative path. */
class GuestRunTest {

    @Test
    void filesAreCollectedByRelativePath(@TempDir Path out) throws IOException {
        Files.writeString(out.resolve("table"), "TCP  10.0.0.1:80 rr\n");
        Files.write(Files.createDirectories(out.resolve("captures")).resolve("a.pcap"), new byte[] {(byte) 0xd4, (byte) 0xc3});
        GuestRun run = new GuestRun(0, "", "", QemuGuest.readTree(out), Duration.ZERO);
        assertEquals("TCP  10.0.0.1:80 rr\n", run.text("table"));
        assertArrayEquals(new byte[] {(byte) 0xd4, (byte) 0xc3}, run.file("captures/a.pcap"));
    }

    @Test
    void aMissingFileIsNamedWithTheFilesThereAre() {
        GuestRun run = new GuestRun(0, "", "", Map.of("b", new byte[0], "a", new byte[0]), Duration.ZERO);
        NoSuchElementException error = assertThrows(NoSuchElementException.class, () -> run.file("table"));
        assertEquals("the guest wrote no table; it wrote [a, b]", error.getMessage());
    }

    @Test
    void noOutDirectoryMeansNoFiles(@TempDir Path temp) throws IOException {
        assertEquals(Map.of(), QemuGuest.readTree(temp.resolve("absent")));
    }

    @Test
    void theReturnedBytesAreACopy() {
        GuestRun run = new GuestRun(0, "", "", Map.of("f", "x".getBytes(StandardCharsets.UTF_8)), Duration.ZERO);
        run.file("f")[0] = 'y';
        assertEquals("x", run.text("f"));
    }
}
