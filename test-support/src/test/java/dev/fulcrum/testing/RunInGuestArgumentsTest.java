package dev.fulcrum.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** rigs/kernel/run-in-guest refuses bad arguments with a clear message before it boots anything. */
class RunInGuestArgumentsTest {

    private record Outcome(int status, String stderr) {
    }

    private static Outcome runInGuest(String... arguments) throws IOException, InterruptedException {
        Path script = KernelRig.locate().runInGuest();
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "run-in-guest did not return");
        return new Outcome(process.exitValue(), stderr);
    }

    @Test
    void aTimeoutThatIsNotWholeSecondsIsRefused() throws Exception {
        Outcome outcome = runInGuest("--timeout", "1.5", "/dev/null");
        assertEquals(2, outcome.status());
        assertTrue(outcome.stderr().contains("--timeout wants whole seconds, got '1.5'"), outcome.stderr());
    }

    @Test
    void withoutAScriptItPrintsUsage() throws Exception {
        Outcome outcome = runInGuest("--out", "/tmp/x");
        assertEquals(2, outcome.status());
        assertTrue(outcome.stderr().startsWith("usage: "), outcome.stderr());
    }

    @Test
    void anUnreadableScriptIsNamed() throws Exception {
        Outcome outcome = runInGuest("/nonexistent/check.sh");
        assertEquals(2, outcome.status());
        assertTrue(outcome.stderr().contains("cannot read script /nonexistent/check.sh"), outcome.stderr());
    }

    @Test
    void anUnknownOptionIsRefused() throws Exception {
        Outcome outcome = runInGuest("--memory", "2G", "/dev/null");
        assertEquals(2, outcome.status());
        assertTrue(outcome.stderr().startsWith("usage: "), outcome.stderr());
    }
}
