package dev.fulcrum.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a shell script in a QEMU guest with a kernel that has IPVS, through rigs/kernel/run-in-guest:
 * bash as root, chrooted into an overlay of the host's / (the host's Java 17, ipvsadm and the build
 * output are there), in this JVM's working directory. Files the script writes to $FULCRUM_GUEST_OUT
 * come back in {@link GuestRun#files()}. Each call boots a guest (seconds under TCG): batch checks.
 */
public final class QemuGuest {

    /** run-in-guest's own exit statuses: timed out, and the guest died or is not prepared. */
    static final int RIG_TIMEOUT = 124;
    static final int RIG_FAILURE = 125;
    /** run-in-guest retries a hung boot once after this long (FULCRUM_GUEST_BOOT_TIMEOUT). */
    private static final Duration BOOT_RETRY_ALLOWANCE = Duration.ofSeconds(90);

    private QemuGuest() {
    }

    /** Runs the script in the repository's rig; see {@link #run(KernelRig, String, Duration)}. */
    public static GuestRun run(String script, Duration timeout) throws IOException {
        return run(KernelRig.locate(), script, timeout);
    }

    /**
     * Boots a guest, runs the script and powers it off. A timeout or a guest that dies throws, with
     * the guest's console log in the message; the script's own failure is an exit code in the result.
     */
    public static GuestRun run(KernelRig rig, String script, Duration timeout) throws IOException {
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        Path work = Files.createTempDirectory("fulcrum-guest-run");
        try {
            Path scriptFile = Files.writeString(work.resolve("script.sh"), script);
            Path out = work.resolve("out");
            Path stdout = work.resolve("stdout");
            Path stderr = work.resolve("stderr");
            Process process = new ProcessBuilder(List.of(rig.runInGuest().toString(), "--timeout",
                    Long.toString(seconds), "--out", out.toString(), scriptFile.toString()))
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            long started = System.nanoTime();
            int exitCode = await(process, Duration.ofSeconds(seconds).multipliedBy(2).plus(BOOT_RETRY_ALLOWANCE));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            String errors = Files.readString(stderr, StandardCharsets.UTF_8);
            if (exitCode == RIG_TIMEOUT || exitCode == RIG_FAILURE) {
                throw new IOException("the guest run failed (run-in-guest exited " + exitCode + "):\n" + errors);
            }
            return new GuestRun(exitCode, Files.readString(stdout, StandardCharsets.UTF_8), errors, readTree(out), elapsed);
        } finally {
            deleteTree(work);
        }
    }

    private static int await(Process process, Duration limit) throws IOException {
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                // run-in-guest enforces the timeout itself; this only catches a stuck rig.
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IOException("run-in-guest did not return within " + limit);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IOException("interrupted while the guest ran", e);
        }
    }

    static Map<String, byte[]> readTree(Path directory) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        if (!Files.isDirectory(directory)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                files.put(directory.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    /** Best effort: a temporary directory left behind must not hide the run's own outcome. */
    private static void deleteTree(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("cannot delete " + directory + ": " + e.getMessage());
        }
    }
}
