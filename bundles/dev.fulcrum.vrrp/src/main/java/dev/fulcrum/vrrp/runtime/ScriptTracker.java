package dev.fulcrum.vrrp.runtime;

import dev.fulcrum.api.os.ScriptLine;
import dev.fulcrum.api.model.vrrp.VrrpScript;
import dev.fulcrum.api.os.Command;
import dev.fulcrum.api.os.ProcessResult;
import dev.fulcrum.api.os.ProcessRunner;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Runs each keepalived.conf(5) {@code vrrp_script} every {@code interval} with its {@code timeout}
 * (default: the interval) and {@code user} through {@link ProcessRunner}, never through a shell,
 * on a thread of its own so that a slow script never delays an advert. Tells {@code changed} when
 * a script's rise/fall state changes.
 */
final class ScriptTracker implements AutoCloseable {

    private static final Logger LOG = System.getLogger(ScriptTracker.class.getName());

    private final ProcessRunner runner;
    private final BiConsumer<String, Boolean> changed;
    private final ScheduledExecutorService executor;
    private final List<ScheduledFuture<?>> runs = new ArrayList<>();
    private List<VrrpScript> scripts = List.of();

    ScriptTracker(ProcessRunner runner, BiConsumer<String, Boolean> changed, String name) {
        this.runner = runner;
        this.changed = changed;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts the scripts of a new configuration; unchanged scripts are restarted too (their state with them). */
    synchronized void configure(List<VrrpScript> next) {
        if (next.equals(scripts)) {
            return;
        }
        runs.forEach(run -> run.cancel(false));
        runs.clear();
        scripts = List.copyOf(next);
        for (VrrpScript script : scripts) {
            Command command;
            try {
                command = command(script);
            } catch (IllegalArgumentException e) {
                LOG.log(Level.WARNING, "vrrp_script " + script.name() + ": " + e.getMessage());
                changed.accept(script.name(), false);
                continue;
            }
            ScriptHealth health = new ScriptHealth(script.rise(), script.fall(), script.initFail());
            long interval = script.interval().toNanos();
            runs.add(executor.scheduleWithFixedDelay(() -> runOnce(script, command, health), 0, interval,
                    TimeUnit.NANOSECONDS));
        }
    }

    private void runOnce(VrrpScript script, Command command, ScriptHealth health) {
        boolean succeeded;
        try {
            ProcessResult result = runner.run(command);
            succeeded = result.succeeded();
            if (!succeeded) {
                LOG.log(Level.DEBUG, () -> "vrrp_script " + script.name() + ": " + result.describe(command));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "vrrp_script " + script.name() + " cannot run: " + e.getMessage());
            succeeded = false;
        }
        if (health.record(succeeded)) {
            LOG.log(Level.INFO, "VRRP_Script(" + script.name() + ") " + (health.good() ? "succeeded" : "failed"));
            changed.accept(script.name(), health.good());
        }
    }

    static Command command(VrrpScript script) {
        Command command = Command.of(ScriptLine.split(script.command()))
                .withTimeout(script.timeout().orElse(script.interval()));
        return script.user().map(command::asUser).orElse(command);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
