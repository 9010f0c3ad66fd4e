package dev.fulcrum.os.internal;

import dev.fulcrum.api.os.Command;
import dev.fulcrum.api.os.ProcessResult;
import dev.fulcrum.api.os.ProcessRunner;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Runs programs from an argument vector, never through a shell: no word splitting, globbing or
 * quoting bugs, and nothing a configuration value could inject.
 */
@Component(service = ProcessRunner.class)
public final class OsProcessRunner implements ProcessRunner {

    /**
     * Time between SIGTERM and SIGKILL on timeout, and time the output readers get after the
     * program exited (a background child may still hold the pipes).
     */
    static final Duration GRACE = Duration.ofSeconds(2);

    /** Names useradd(8) accepts (and the NAME_REGEX of Debian's adduser), plus "$" for machine accounts. */
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*\\$?");

    /**
     * util-linux su-common.c exits with 1 when it cannot switch user (no such user, PAM refusal)
     * and with 126/127 when the program cannot be executed; it prefixes its messages "runuser: ".
     */
    private static final Set<Integer> RUNUSER_FAILURES = Set.of(1, 126, 127);

    @Reference(service = LoggerFactory.class)
    private Logger log;

    private final Path root;
    private final ExecutableLookup lookup;

    /** For DS and direct use: the real filesystem and this JVM's PATH. */
    public OsProcessRunner() {
        this(Path.of("/"), ExecutableLookup.fromEnvironment());
    }

    /** @param root where proc/self/status is read to tell whether we are root (tests use a fake tree) */
    OsProcessRunner(Path root, ExecutableLookup lookup) {
        this.root = root;
        this.lookup = lookup;
    }

    @Override
    public boolean isInstalled(String program) {
        return lookup.find(program).isPresent();
    }

    @Override
    public ProcessResult run(Command command) throws IOException {
        List<String> argv = argv(command);
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().putAll(command.environment());
        Logging.debug(log, "running '{}'", command);

        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException("cannot start " + command.program() + ": " + e.getMessage(), e);
        }
        String name = "fulcrum-process-" + process.pid();
        OutputCollector stdout = OutputCollector.start(process.getInputStream(), name + "-stdout");
        OutputCollector stderr = OutputCollector.start(process.getErrorStream(), name + "-stderr");
        feed(process, command.stdin(), name);

        boolean timedOut;
        long elapsed;
        try {
            timedOut = !process.waitFor(command.timeout().toNanos(), TimeUnit.NANOSECONDS);
            if (timedOut) {
                Logging.warn(log, "'{}' exceeded its limit of {} ms: terminating", command, command.timeout().toMillis());
                terminate(process);
            }
            elapsed = System.nanoTime() - started;
            awaitOutput(command, stdout, stderr);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while running '" + command + "'");
            interrupted.initCause(e);
            throw interrupted;
        }

        ProcessResult result = new ProcessResult(process.exitValue(), stdout.text(), stderr.text(),
                Duration.ofNanos(elapsed), timedOut);
        if (command.user().isPresent()) {
            checkUserSwitch(command, result);
        }
        Logging.debug(log, "'{}' exited with status {} after {} ms", command, result.exitCode(), result.elapsed().toMillis());
        return result;
    }

    /** The vector actually executed: the program resolved on PATH, wrapped in runuser(1) for another user. */
    private List<String> argv(Command command) throws IOException {
        Path program = lookup.find(command.program()).orElseThrow(() -> new IOException("cannot start "
                + command.program() + ": " + (command.program().contains("/")
                ? "no such executable file" : "not found in " + lookup.directories())));
        List<String> argv = new ArrayList<>();
        if (command.user().isPresent()) {
            String user = command.user().get();
            if (!USER_NAME.matcher(user).matches()) {
                throw new IllegalArgumentException("not a user name: '" + user + "'");
            }
            requireRoot(command, user);
            Path runuser = lookup.find("runuser").orElseThrow(() ->
                    new IOException("cannot run " + command.program() + " as " + user + ": runuser (util-linux) not found"));
            // runuser -u USER -- argv: no login shell, no PAM session, the vector passes unchanged.
            argv.addAll(List.of(runuser.toString(), "-u", user, "--"));
        }
        argv.add(program.toString());
        argv.addAll(command.argv().subList(1, command.argv().size()));
        return argv;
    }

    private void requireRoot(Command command, String user) throws IOException {
        ProcStatus status;
        try {
            status = ProcStatus.read(root);
        } catch (IOException e) {
            throw new IOException("cannot run " + command.program() + " as " + user
                    + ": cannot tell whether Fulcrum runs as root (" + e.getMessage() + ")", e);
        }
        if (!status.root()) {
            throw new IOException("cannot run " + command.program() + " as " + user
                    + ": switching user needs root, Fulcrum runs as uid " + status.effectiveUid());
        }
    }

    /** Writes stdin on its own thread: a program that does not read it must not block the runner. */
    private void feed(Process process, byte[] input, String name) {
        OutputStream stdin = process.getOutputStream();
        if (input.length == 0) {
            closeQuietly(stdin);
            return;
        }
        Thread writer = new Thread(() -> {
            try (OutputStream out = stdin) {
                out.write(input);
            } catch (IOException e) {
                // EPIPE: the program exited or closed stdin without reading everything.
                Logging.debug(log, "stdin of {} not fully written: {}", name, e.getMessage());
            }
        }, name + "-stdin");
        writer.setDaemon(true);
        writer.start();
    }

    /** SIGTERM to the program and its descendants, SIGKILL to whatever is left after the grace. */
    private void terminate(Process process) throws InterruptedException {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy(); // SIGTERM on Linux (ProcessImpl.destroy(false))
        descendants.forEach(ProcessHandle::destroy);
        if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            Logging.warn(log, "process {} ignored SIGTERM for {} ms: killing it", process.pid(), GRACE.toMillis());
            process.destroyForcibly(); // SIGKILL
            process.waitFor();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private void awaitOutput(Command command, OutputCollector stdout, OutputCollector stderr) throws InterruptedException {
        boolean closed = stdout.await(GRACE) & stderr.await(GRACE);
        if (!closed) {
            Logging.warn(log, "'{}' exited but its output is still open (a background child holds it?): taking what arrived", command);
        }
        for (OutputCollector collector : List.of(stdout, stderr)) {
            if (collector.droppedBytes() > 0) {
                Logging.warn(log, "'{}': dropped {} bytes of output beyond {} bytes", command, collector.droppedBytes(),
                        OutputCollector.DEFAULT_LIMIT);
            }
            if (collector.failure() != null) {
                Logging.warn(log, "'{}': reading output failed: {}", command, collector.failure().getMessage());
            }
        }
    }

    /** The API promises an IOException when the user does not exist; runuser only tells by exiting. */
    private static void checkUserSwitch(Command command, ProcessResult result) throws IOException {
        String err = result.stderr().strip();
        if (!result.timedOut() && RUNUSER_FAILURES.contains(result.exitCode()) && err.startsWith("runuser: ")) {
            int end = err.indexOf('\n');
            throw new IOException("cannot run " + command.program() + " as " + command.user().orElseThrow()
                    + ": " + (end < 0 ? err : err.substring(0, end)));
        }
    }

    private static void closeQuietly(OutputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // the program is gone already; nothing was to be written anyway
        }
    }
}
