package dev.fulcrum.os.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fulcrum.api.os.Command;
import dev.fulcrum.api.os.ProcessResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs real programs (coreutils); needs neither root nor network. */
@Timeout(30)
class OsProcessRunnerTest {

    private final OsProcessRunner runner = new OsProcessRunner();

    @Test
    void echoPrintsItsArgumentsVerbatim() throws IOException {
        // One argument with spaces and shell syntax: no shell splits or expands it.
        ProcessResult result = runner.run(Command.of("echo", "hello  world", "$HOME", "*", "a;b"));
        assertEquals("hello  world $HOME * a;b\n", result.stdout());
        assertEquals("", result.stderr());
        assertEquals(0, result.exitCode());
        assertTrue(result.succeeded());
        assertFalse(result.timedOut());
        assertTrue(result.elapsed().compareTo(Duration.ZERO) > 0 && result.elapsed().compareTo(Duration.ofSeconds(10)) < 0,
                result.elapsed()::toString);
    }

    @Test
    void stdinIsWrittenThenClosed() throws IOException {
        // cat ends only when stdin is closed; the text checks the UTF-8 decoding as well.
        String text = "grüße, Ωμέγα, 漢字\n";
        ProcessResult result = runner.run(Command.of("cat").withInput(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(text, result.stdout());
        assertTrue(result.succeeded());
    }

    @Test
    void largeStdinAndStdoutAtOnceDoNotDeadlock() throws IOException {
        // 4 MiB through cat: far beyond the 64 KiB pipe buffers in both directions.
        byte[] input = new byte[4 * 1024 * 1024];
        Arrays.fill(input, (byte) 'x');
        ProcessResult result = runner.run(Command.of("cat").withInput(input).withTimeout(Duration.ofSeconds(20)));
        assertFalse(result.timedOut());
        assertEquals(input.length, result.stdout().length());
    }

    @Test
    void largeOutputCompletes() throws IOException {
        ProcessResult result = runner.run(Command.of("head", "-c", "2000000", "/dev/zero").withTimeout(Duration.ofSeconds(20)));
        assertTrue(result.succeeded(), result::toString);
        assertEquals(2_000_000, result.stdout().length());
    }

    @Test
    void largeStderrAndStdoutAreDrainedConcurrently() throws IOException {
        // sh only as a test fixture: it fills stderr first, which blocks unless stderr is read
        // while the runner also waits on stdout.
        ProcessResult result = runner.run(Command.of("sh", "-c",
                "head -c 1000000 /dev/zero >&2; head -c 1500000 /dev/zero").withTimeout(Duration.ofSeconds(20)));
        assertFalse(result.timedOut(), "deadlocked on a full pipe");
        assertEquals(1_000_000, result.stderr().length());
        assertEquals(1_500_000, result.stdout().length());
    }

    @Test
    void timeoutTerminatesTheProgram() throws IOException {
        ProcessResult result = runner.run(Command.of("sleep", "5").withTimeout(Duration.ofMillis(200)));
        assertTrue(result.timedOut());
        assertFalse(result.succeeded());
        assertEquals(128 + 15, result.exitCode(), "ended by SIGTERM");
        assertTrue(result.elapsed().compareTo(Duration.ofMillis(200)) >= 0, result.elapsed()::toString);
        assertTrue(result.elapsed().compareTo(Duration.ofSeconds(3)) < 0, result.elapsed()::toString);
    }

    @Test
    void aProgramIgnoringSigtermIsKilledAfterTheGrace() throws IOException {
        // sh as a fixture that ignores SIGTERM (and so does sleep, which inherits the disposition).
        ProcessResult result = runner.run(Command.of("sh", "-c", "trap '' TERM; sleep 20; echo survived")
                .withTimeout(Duration.ofMillis(200)));
        assertTrue(result.timedOut());
        assertEquals(128 + 9, result.exitCode(), "ended by SIGKILL");
        assertFalse(result.stdout().contains("survived"));
        assertTrue(result.elapsed().compareTo(OsProcessRunner.GRACE) >= 0, result.elapsed()::toString);
        assertTrue(result.elapsed().compareTo(Duration.ofSeconds(8)) < 0, result.elapsed()::toString);
    }

    @Test
    void nonZeroExitIsAResultNotAnException() throws IOException {
        ProcessResult result = runner.run(Command.of("false"));
        assertEquals(1, result.exitCode());
        assertFalse(result.succeeded());
        assertFalse(result.timedOut());
    }

    @Test
    void stderrIsCapturedSeparately() throws IOException {
        ProcessResult result = runner.run(Command.of("ls", "/nonexistent-fulcrum-path"));
        assertEquals("", result.stdout());
        assertTrue(result.stderr().contains("/nonexistent-fulcrum-path"), result.stderr());
        assertTrue(result.exitCode() != 0);
    }

    @Test
    void aProgramThatCannotBeStartedIsAnIOExceptionNamingIt() {
        IOException missing = assertThrows(IOException.class, () -> runner.run(Command.of("no-such-program-fulcrum", "x")));
        assertTrue(missing.getMessage().contains("no-such-program-fulcrum"), missing.getMessage());
        IOException path = assertThrows(IOException.class, () -> runner.run(Command.of("/nonexistent/fulcrum-tool")));
        assertTrue(path.getMessage().contains("/nonexistent/fulcrum-tool"), path.getMessage());
        IOException notExecutable = assertThrows(IOException.class, () -> runner.run(Command.of("/etc/passwd")));
        assertTrue(notExecutable.getMessage().contains("/etc/passwd"), notExecutable.getMessage());
    }

    @Test
    void environmentIsAddedToTheInheritedOne() throws IOException {
        ProcessResult result = runner.run(Command.of("env").withEnvironment(Map.of("FULCRUM_TEST", "yes, with spaces")));
        assertTrue(result.stdout().lines().anyMatch("FULCRUM_TEST=yes, with spaces"::equals), result.stdout());
        assertTrue(result.stdout().lines().anyMatch(line -> line.startsWith("PATH=")), "inherited variables stay");
    }

    @Test
    void isInstalledLooksOnPath() {
        assertTrue(runner.isInstalled("cat"));
        assertTrue(runner.isInstalled("/bin/sh"));
        assertFalse(runner.isInstalled("no-such-program-fulcrum"));
        assertFalse(runner.isInstalled("/etc/passwd"), "not executable");
        assertFalse(runner.isInstalled("/usr/bin"), "a directory");
        assertFalse(runner.isInstalled(""));
    }

    @Test
    void anotherUserNeedsRoot(@TempDir Path temp) {
        new FakeTree(temp).status(1000, "0000000000000000");
        OsProcessRunner unprivileged = new OsProcessRunner(temp, ExecutableLookup.fromEnvironment());
        IOException e = assertThrows(IOException.class, () -> unprivileged.run(Command.of("id", "-un").asUser("nobody")));
        assertEquals("cannot run id as nobody: switching user needs root, Fulcrum runs as uid 1000", e.getMessage());
    }

    @Test
    void userNamesAreValidated(@TempDir Path temp) {
        new FakeTree(temp).status(0, "000001ffffffffff");
        OsProcessRunner root = new OsProcessRunner(temp, ExecutableLookup.fromEnvironment());
        assertThrows(IllegalArgumentException.class, () -> root.run(Command.of("id").asUser("-c")));
        assertThrows(IllegalArgumentException.class, () -> root.run(Command.of("id").asUser("a b")));
    }

    @Test
    void runsAsAnotherUserWhenRoot() throws IOException {
        assumeTrue(isRoot(), "needs root to switch user");
        ProcessResult result = runner.run(Command.of("id", "-un").asUser("nobody"));
        assertEquals("nobody", result.stdout().strip());
        assertTrue(result.succeeded());
    }

    @Test
    void anUnknownUserIsAnIOException() {
        assumeTrue(isRoot(), "needs root to switch user");
        IOException e = assertThrows(IOException.class, () -> runner.run(Command.of("id").asUser("no-such-user-fulcrum")));
        assertTrue(e.getMessage().contains("no-such-user-fulcrum"), e.getMessage());
    }

    private static boolean isRoot() {
        try {
            return ProcStatus.read(Path.of("/")).root();
        } catch (IOException e) {
            return false;
        }
    }
}
