package dev.fulcrum.vrrp.runtime;

import dev.fulcrum.api.os.ScriptLine;
import dev.fulcrum.api.model.vrrp.NotifyScripts;
import dev.fulcrum.api.os.Command;
import dev.fulcrum.api.os.ProcessResult;
import dev.fulcrum.api.os.ProcessRunner;
import dev.fulcrum.vrrp.fsm.VrrpState;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * keepalived.conf(5) notify scripts: {@code notify_master}, {@code notify_backup},
 * {@code notify_fault}, {@code notify_stop} with no arguments, then {@code notify} with
 * {@code INSTANCE|GROUP <name> <state> <priority>} appended. They run in order on a thread of their
 * own, through {@link ProcessRunner} (no shell), so a slow script never holds up VRRP.
 */
final class Notifier implements AutoCloseable {

    private static final Logger LOG = System.getLogger(Notifier.class.getName());

    private final ProcessRunner runner;
    private final ExecutorService executor;

    Notifier(ProcessRunner runner, String name) {
        this.runner = runner;
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @param kind "INSTANCE" or "GROUP" */
    void notify(NotifyScripts scripts, String kind, String name, VrrpState state, int priority) {
        List<Command> commands = commands(scripts, kind, name, state, priority);
        if (!commands.isEmpty()) {
            executor.execute(() -> commands.forEach(this::run));
        }
    }

    /** The commands for one transition, in the order keepalived runs them. */
    static List<Command> commands(NotifyScripts scripts, String kind, String name, VrrpState state, int priority) {
        String word = state == VrrpState.INITIALIZE ? "STOP" : state.name();
        Optional<String> specific = switch (state) {
            case MASTER -> scripts.master();
            case BACKUP -> scripts.backup();
            case FAULT -> scripts.fault();
            case INITIALIZE -> scripts.stop();
        };
        List<Command> commands = new ArrayList<>();
        specific.ifPresent(script -> commands.add(Command.of(ScriptLine.split(script))));
        scripts.generic().ifPresent(script -> {
            List<String> argv = new ArrayList<>(ScriptLine.split(script));
            argv.addAll(List.of(kind, name, word, Integer.toString(priority)));
            commands.add(Command.of(argv));
        });
        return commands;
    }

    private void run(Command command) {
        try {
            ProcessResult result = runner.run(command);
            if (!result.succeeded()) {
                LOG.log(Level.WARNING, "notify script " + result.describe(command));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "notify script '" + command + "' cannot run: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
