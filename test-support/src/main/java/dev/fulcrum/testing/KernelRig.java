package dev.fulcrum.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where the kernel rig lives (the repository's rigs/kernel scripts and the guest kernel that
 * rigs/kernel/prepare caches outside the repository) and whether a guest can boot here.
 *
 * @param rigDirectory rigs/kernel of the repository, empty when it was not found
 * @param cache the prepared kernels ($FULCRUM_KERNEL_CACHE, by default /var/cache/fulcrum-kernel-rig)
 * @param searchPath the PATH in which qemu-system-x86_64 is looked up
 */
public record KernelRig(Optional<Path> rigDirectory, Path cache, String searchPath) {

    /** Set by the root pom's surefire configuration to the reactor's root directory. */
    static final String ROOT_PROPERTY = "fulcrum.root";
    static final String CACHE_VARIABLE = "FULCRUM_KERNEL_CACHE";
    static final Path DEFAULT_CACHE = Path.of("/var/cache/fulcrum-kernel-rig");
    static final String QEMU = "qemu-system-x86_64";

    /** The rig of the repository this test runs in (fulcrum.root, else the nearest parent with rigs/kernel). */
    public static KernelRig locate() {
        String root = System.getProperty(ROOT_PROPERTY);
        Path start = Path.of(root != null && !root.isBlank() ? root : System.getProperty("user.dir"));
        String cache = System.getenv(CACHE_VARIABLE);
        return new KernelRig(findRigDirectory(start), cache == null || cache.isBlank() ? DEFAULT_CACHE : Path.of(cache),
                Optional.ofNullable(System.getenv("PATH")).orElse(""));
    }

    static Optional<Path> findRigDirectory(Path start) {
        for (Path directory = start.toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path rig = directory.resolve("rigs/kernel");
            if (Files.isRegularFile(rig.resolve("run-in-guest"))) {
                return Optional.of(rig);
            }
        }
        return Optional.empty();
    }

    /** rigs/kernel/run-in-guest; fails when the repository's rig was not found. */
    public Path runInGuest() {
        return rigDirectory.orElseThrow(() -> new IllegalStateException("rigs/kernel not found")).resolve("run-in-guest");
    }

    /** Why a guest cannot boot here (the first missing piece, with the command that supplies it), or empty. */
    public Optional<String> unavailableReason() {
        if (rigDirectory.isEmpty()) {
            return Optional.of("rigs/kernel/run-in-guest not found (set -D" + ROOT_PROPERTY + "=REPOSITORY)");
        }
        if (!Files.isExecutable(runInGuest())) {
            return Optional.of(runInGuest() + " is not executable");
        }
        if (Arrays.stream(searchPath.split(":")).noneMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, QEMU)))) {
            return Optional.of(QEMU + " is not installed (apt-get install qemu-system-x86, or scripts/install-test-packages)");
        }
        Path current = cache.resolve("current");
        if (!Files.isRegularFile(current)) {
            return Optional.of("no guest kernel prepared in " + cache + " (run rigs/kernel/prepare as root)");
        }
        Path kernel = cache.resolve(read(current).strip());
        for (String file : new String[] {"vmlinux", "initramfs.cpio", "guest-init.built"}) {
            if (!Files.isRegularFile(kernel.resolve(file))) {
                return Optional.of(kernel.resolve(file) + " is missing (run rigs/kernel/prepare as root)");
            }
        }
        if (!read(kernel.resolve("guest-init.built")).equals(read(rigDirectory.get().resolve("guest-init")))) {
            return Optional.of("the initramfs in " + kernel + " predates rigs/kernel/guest-init (run rigs/kernel/prepare)");
        }
        return Optional.empty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
