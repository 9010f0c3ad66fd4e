package dev.fulcrum.os.internal;

import dev.fulcrum.api.os.Command;
import dev.fulcrum.api.os.ProcessResult;
import dev.fulcrum.api.os.ProcessRunner;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Records commands and answers with one scripted result; "installed" programs are a fixed set. */
final class FakeProcessRunner implements ProcessRunner {

    final List<Command> commands = new ArrayList<>();
    private final Set<String> installed;
    private ProcessResult result = new ProcessResult(0, "", "", Duration.ofMillis(1), false);

    FakeProcessRunner(String... installed) {
        this.installed = Set.of(installed);
    }

    FakeProcessRunner answering(int exitCode, String stderr) {
        result = new ProcessResult(exitCode, "", stderr, Duration.ofMillis(1), false);
        return this;
    }

    @Override
    public ProcessResult run(Command command) throws IOException {
        commands.add(command);
        return result;
    }

    @Override
    public boolean isInstalled(String program) {
        return installed.contains(program);
    }
}
