package dev.fulcrum.health.internal;

import dev.fulcrum.api.os.ScriptLine;
import dev.fulcrum.api.os.Command;
import dev.fulcrum.api.os.ProcessResult;
import dev.fulcrum.api.os.ProcessRunner;
import dev.fulcrum.health.CheckSpec;
import dev.fulcrum.health.HealthEvent;
import dev.fulcrum.health.HealthState;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * keepalived.conf(5) real_server {@code notify_up} / {@code notify_down}: the script runs, through
 * the ProcessRunner and off the event loop, when the server's state changes. Its line is split into
 * an argv (no shell). A script that cannot run or fails is logged, and changes nothing. The chain
 * kept per target holds only its last script.
 */
final class NotifyScripts {

    private final ProcessRunner runner;
    private final Executor blocking;
    private final Consumer<String> warn;
    private final Map<String, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();

    NotifyScripts(ProcessRunner runner, Executor blocking, Consumer<String> warn) {
        this.runner = runner;
        this.blocking = blocking;
        this.warn = warn;
    }

    void changed(HealthEvent event, CheckSpec spec) {
        if (!(spec instanceof CheckSpec.Keepalived keepalived)) {
            return;
        }
        Optional<String> script = event.state() == HealthState.UP ? keepalived.notifyUp() : keepalived.notifyDown();
        // One target's scripts run in the order of its changes (a DOWN right after an UP must not overtake
        // it). Each is submitted at once, so that shutting the executor down still runs it.
        script.ifPresent(line -> pending.compute(event.target().name(), (name, previous) -> {
            CompletableFuture<Void> before = previous == null ? CompletableFuture.completedFuture(null) : previous;
            return CompletableFuture.runAsync(() -> {
                before.exceptionally(error -> null).join();
                run(line, event);
            }, blocking);
        }));
    }

    private void run(String line, HealthEvent event) {
        Command command = Command.of(ScriptLine.split(line));
        try {
            ProcessResult result = runner.run(command);
            if (!result.succeeded()) {
                warn.accept("notify script for " + event.target().name() + " " + result.describe(command));
            }
        } catch (IOException e) {
            warn.accept("notify script for " + event.target().name() + " could not run: '" + command + "': "
                    + e.getMessage());
        }
    }
}
