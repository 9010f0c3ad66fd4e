package dev.fulcrum.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * run-in-guest's handling of a hung boot (about 1 in 55 under TCG): retried once, then reported.
 * A real hang cannot be provoked, so a fake qemu-system-x86_64 (test resource fake-qemu) plays the
 * guest, with a prepared-looking fake kernel cache. Root: run-in-guest refuses to run otherwise.
 */
@SystemTest
class RunInGuestBootRetryTest {

    @TempDir
    Path temp;
    private Path bin;
    private Path cache;
    private Path state;
    private Path script;

    private record Outcome(int status, String stdout, String stderr) {
    }

    @BeforeEach
    void fakeQemuAndKernel() throws IOException {
        bin = Files.createDirectories(temp.resolve("bin"));
        Path qemu = bin.resolve(KernelRig.QEMU);
        try (InputStream fake = getClass().getResourceAsStream("fake-qemu")) {
            Files.write(qemu, fake.readAllBytes());
        }
        Files.setPosixFilePermissions(qemu, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path kernel = Files.createDirectories(temp.resolve("cache/6.1.0-0-amd64"));
        Files.writeString(kernel.resolve("vmlinux"), "fake");
        Files.writeString(kernel.resolve("initramfs.cpio"), "fake");
        Files.copy(KernelRig.locate().runInGuest().resolveSibling("guest-init"), kernel.resolve("guest-init.built"));
        cache = kernel.getParent();
        Files.writeString(cache.resolve("current"), "6.1.0-0-amd64\n");
        state = temp.resolve("boots");
        script = Files.writeString(temp.resolve("script.sh"), "true\n");
    }

    private Outcome runInGuest(Map<String, String> fakeGuest) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", KernelRig.locate().runInGuest().toString(),
                "--timeout", "30", script.toString()));
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().put(KernelRig.CACHE_VARIABLE, cache.toString());
        // 3 s, not 1: a fake boot that should succeed is a bash script, and under a load of 20 its start
        // alone took more than a second, so the retry looked like a second hang
        builder.environment().put("FULCRUM_GUEST_BOOT_TIMEOUT", "3");
        builder.environment().put("FAKE_QEMU_STATE", state.toString());
        builder.environment().putAll(fakeGuest);
        Path stdout = temp.resolve("stdout");
        Path stderr = temp.resolve("stderr");
        Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "run-in-guest did not return");
        return new Outcome(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private int boots() throws IOException {
        return Integer.parseInt(Files.readString(state).strip());
    }

    @Test
    void aBootThatHangsOnceIsRetriedAndTheScriptRuns() throws Exception {
        Outcome outcome = runInGuest(Map.of("FAKE_QEMU_HANGS", "1"));
        assertEquals(0, outcome.status(), outcome.stderr());
        assertEquals("script ran after 2 boots\n", outcome.stdout());
        assertTrue(outcome.stderr().contains("did not reach the script within 3s; retrying once"), outcome.stderr());
        assertTrue(outcome.stderr().contains("fake boot 1"), "the hung boot's console log: " + outcome.stderr());
        assertEquals(2, boots());
    }

    @Test
    void aGuestThatStopsBeforeTheScriptIsRetriedOnce() throws Exception {
        Outcome outcome = runInGuest(Map.of("FAKE_QEMU_PANICS", "1"));
        assertEquals(0, outcome.status(), outcome.stderr());
        assertEquals("script ran after 2 boots\n", outcome.stdout());
        assertTrue(outcome.stderr().contains("stopped before reaching the script; retrying once"), outcome.stderr());
        assertEquals(2, boots());
    }

    @Test
    void aGuestThatStopsBeforeTheScriptTwiceIsARigFailure() throws Exception {
        Outcome outcome = runInGuest(Map.of("FAKE_QEMU_PANICS", "5"));
        assertEquals(QemuGuest.RIG_FAILURE, outcome.status(), outcome.stderr());
        assertEquals(2, boots());
    }

    @Test
    void aBootThatHangsTwiceIsReportedWithoutAThirdTry() throws Exception {
        Outcome outcome = runInGuest(Map.of("FAKE_QEMU_HANGS", "5"));
        assertEquals(QemuGuest.RIG_TIMEOUT, outcome.status(), outcome.stderr());
        assertTrue(outcome.stderr().contains("the guest hung twice before the script started"), outcome.stderr());
        assertTrue(outcome.stderr().contains("fake boot 2"), outcome.stderr());
        assertEquals(2, boots());
    }

    @Test
    void aGuestThatStopsWithoutAnExitCodeIsARigFailure() throws Exception {
        Outcome outcome = runInGuest(Map.of("FAKE_QEMU_DIES", "1"));
        assertEquals(QemuGuest.RIG_FAILURE, outcome.status(), outcome.stderr());
        assertTrue(outcome.stderr().contains("stopped without the script's exit status"), outcome.stderr());
        assertEquals(1, boots());
    }
}
