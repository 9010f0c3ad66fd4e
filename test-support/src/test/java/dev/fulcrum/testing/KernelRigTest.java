package dev.fulcrum.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KernelRig's readiness check names the first missing piece, against a fake rig and cache. */
class KernelRigTest {

    @TempDir
    Path temp;
    private Path rig;
    private Path cache;
    private Path bin;

    @BeforeEach
    void fakeRepositoryAndCache() throws IOException {
        rig = Files.createDirectories(temp.resolve("repo/rigs/kernel"));
        executable(rig.resolve("run-in-guest"));
        Files.writeString(rig.resolve("guest-init"), "#!/bin/busybox sh\n");
        cache = Files.createDirectories(temp.resolve("cache"));
        bin = Files.createDirectories(temp.resolve("bin"));
        executable(bin.resolve(KernelRig.QEMU));
    }

    private KernelRig rig() {
        return new KernelRig(Optional.of(rig), cache, "/nonexistent:" + bin);
    }

    private void prepareKernel(String version, String init) throws IOException {
        Path kernel = Files.createDirectories(cache.resolve(version));
        Files.writeString(kernel.resolve("vmlinux"), "elf");
        Files.writeString(kernel.resolve("initramfs.cpio"), "cpio");
        Files.writeString(kernel.resolve("guest-init.built"), init);
        Files.writeString(cache.resolve("current"), version + "\n");
    }

    private static void executable(Path file) throws IOException {
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void aPreparedRigIsAvailable() throws IOException {
        prepareKernel("6.1.0-1-amd64", "#!/bin/busybox sh\n");
        assertEquals(Optional.empty(), rig().unavailableReason());
        assertEquals(rig.resolve("run-in-guest"), rig().runInGuest());
    }

    @Test
    void withoutQemuOnThePathTheReasonSaysWhatToInstall() throws IOException {
        prepareKernel("6.1.0-1-amd64", "#!/bin/busybox sh\n");
        String reason = new KernelRig(Optional.of(rig), cache, "/nonexistent").unavailableReason().orElseThrow();
        assertTrue(reason.contains("qemu-system-x86"), reason);
    }

    @Test
    void anUnpreparedCacheAsksForPrepare() {
        String reason = rig().unavailableReason().orElseThrow();
        assertTrue(reason.contains("no guest kernel prepared in " + cache) && reason.contains("rigs/kernel/prepare"), reason);
    }

    @Test
    void aMissingInitramfsIsNamed() throws IOException {
        prepareKernel("6.1.0-1-amd64", "#!/bin/busybox sh\n");
        Files.delete(cache.resolve("6.1.0-1-amd64/initramfs.cpio"));
        String reason = rig().unavailableReason().orElseThrow();
        assertTrue(reason.contains("initramfs.cpio is missing"), reason);
    }

    @Test
    void anInitramfsBuiltFromAnOlderGuestInitIsStale() throws IOException {
        prepareKernel("6.1.0-1-amd64", "#!/bin/busybox sh\n# older\n");
        String reason = rig().unavailableReason().orElseThrow();
        assertTrue(reason.contains("predates rigs/kernel/guest-init"), reason);
    }

    @Test
    void withoutTheRepositoryTheReasonSaysHowToPointAtIt() {
        String reason = new KernelRig(Optional.empty(), cache, bin.toString()).unavailableReason().orElseThrow();
        assertTrue(reason.contains("-Dfulcrum.root="), reason);
    }

    @Test
    void theRigIsFoundFromAnyDirectoryBelowTheRepository() throws IOException {
        Path module = Files.createDirectories(temp.resolve("repo/bundles/dev.fulcrum.ipvs"));
        assertEquals(Optional.of(rig), KernelRig.findRigDirectory(module));
        assertEquals(Optional.empty(), KernelRig.findRigDirectory(bin));
    }
}
