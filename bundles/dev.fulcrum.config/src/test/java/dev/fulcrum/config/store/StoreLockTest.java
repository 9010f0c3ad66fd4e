package dev.fulcrum.config.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreLockTest {

    @TempDir
    Path dir;

    /** Runs {@link LockProbe} on {@link #dir} in another JVM and returns what it printed. */
    private String probeFromAnotherProcess() throws IOException, InterruptedException {
        Process probe = ChildJvm.of(LockProbe.class, dir.toString()).redirectErrorStream(true).start();
        try {
            String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertTrue(probe.waitFor(60, TimeUnit.SECONDS), "probe did not finish");
            assertEquals(0, probe.exitValue(), output);
            return output;
        } finally {
            probe.destroyForcibly();
        }
    }

    @Test
    void anotherProcessIsRefusedAndToldWhoHoldsTheLock() throws Exception {
        StoreLock held = StoreLock.acquire(dir);
        try {
            String output = probeFromAnotherProcess();
            assertEquals("locked: revision store " + dir + " is already in use by another process (pid "
                    + ProcessHandle.current().pid() + "); only one Fulcrum instance may use a state directory "
                    + "at a time", output);
        } finally {
            held.close();
        }
    }

    @Test
    void closingReleasesTheLockForOtherProcessesAndThisOne() throws Exception {
        StoreLock.acquire(dir).close();
        assertEquals("acquired", probeFromAnotherProcess());
        StoreLock.acquire(dir).close();
    }

    /**
     * fcntl(2) drops every lock a process holds on a file when it closes any descriptor of that file;
     * a refused second opener in this JVM closes one. The lock must hold against other processes
     * afterwards all the same (with a single lock file it does not).
     */
    @Test
    void aRefusedOpenerInThisJvmDoesNotReleaseTheLockForOtherProcesses() throws Exception {
        StoreLock held = StoreLock.acquire(dir);
        try {
            StoreLockedException refused = assertThrows(StoreLockedException.class, () -> StoreLock.acquire(dir));
            assertTrue(refused.getMessage().contains("another open store in this JVM"), refused.getMessage());
            assertEquals(dir, refused.directory());
            assertTrue(probeFromAnotherProcess().startsWith("locked: "), "second process got the lock");
            assertThrows(StoreLockedException.class, () -> StoreLock.acquire(dir));
        } finally {
            held.close();
        }
    }

    @Test
    void theHoldersPidIsInTheLockFile() throws Exception {
        StoreLock held = StoreLock.acquire(dir);
        try {
            assertEquals(ProcessHandle.current().pid() + "\n",
                    Files.readString(dir.resolve(RevisionLayout.PROCESS_LOCK), StandardCharsets.US_ASCII));
        } finally {
            held.close();
        }
    }
}
