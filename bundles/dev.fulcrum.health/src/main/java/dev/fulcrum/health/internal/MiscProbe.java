package dev.fulcrum.health.internal;

import dev.fulcrum.api.os.ScriptLine;
import dev.fulcrum.api.os.Command;
import dev.fulcrum.api.os.ProcessResult;
import dev.fulcrum.api.os.ProcessRunner;
import dev.fulcrum.health.CheckOutcome;
import dev.fulcrum.health.CheckStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * keepalived.conf(5) MISC_CHECK: runs {@code misc_path} through the ProcessRunner (on a blocking
 * executor, never on the event loop) with {@code misc_timeout}. Exit 0 is up, 1 down; with
 * {@code misc_dynamic}, 2..255 is up with weight = code - 2, without it any non-zero code is down.
 * A script still running at the timeout is killed and counts as down.
 */
final class MiscProbe implements Probe {

    private final ProcessRunner runner;
    private final Executor blocking;
    private final Command command;
    private final boolean dynamic;

    MiscProbe(ProcessRunner runner, Executor blocking, String scriptLine, Duration timeout, boolean dynamic,
            Optional<String> user) {
        this.runner = runner;
        this.blocking = blocking;
        List<String> argv = ScriptLine.split(scriptLine);
        Command base = Command.of(argv).withTimeout(timeout);
        this.command = user.map(u -> base.asUser(u.split("\\s+")[0])).orElse(base);
        this.dynamic = dynamic;
    }

    @Override
    public CompletionStage<CheckOutcome> check(InetSocketAddress target) {
        return CompletableFuture.supplyAsync(this::run, blocking);
    }

    private CheckOutcome run() {
        ProcessResult result;
        try {
            result = runner.run(command);
        } catch (IOException | RuntimeException e) {
            return CheckOutcome.of(CheckStatus.PROCERR, "cannot run '" + command + "': " + e.getMessage(), Duration.ZERO);
        }
        return judge(result, dynamic, command.timeout());
    }

    /** The verdict on a finished script. Pure. */
    static CheckOutcome judge(ProcessResult result, boolean dynamic, Duration limit) {
        Duration elapsed = result.elapsed();
        int code = result.exitCode();
        if (result.timedOut()) {
            return new CheckOutcome(CheckStatus.PROCTOUT, OptionalInt.of(code),
                    "timed out after " + limit.toMillis() + "ms", elapsed, OptionalInt.empty());
        }
        if (code == 0) {
            return CheckOutcome.withCode(CheckStatus.PROCOK, 0, "", elapsed);
        }
        if (dynamic && code >= 2 && code <= 255) {
            return new CheckOutcome(CheckStatus.PROCOK, OptionalInt.of(code), "", elapsed, OptionalInt.of(code - 2));
        }
        String stderr = result.stderr().strip();
        String info = stderr.isEmpty() ? "exit status " + code : stderr.lines().findFirst().orElse("");
        return CheckOutcome.withCode(CheckStatus.PROCERR, code, info, elapsed);
    }
}
