package dev.fulcrum.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The harness reports what happened in the guest: a failing script's status, output and files come
 * back as a result; a script that overruns its timeout is killed and reported with the console log.
 */
@KernelTest
class QemuGuestOutcomesTest {

    @Test
    void aFailingScriptsStatusOutputAndFilesComeBack() throws IOException {
        GuestRun run = QemuGuest.run("""
                mkdir -p "$FULCRUM_GUEST_OUT/nested"
                printf 'partial' > "$FULCRUM_GUEST_OUT/nested/result"
                echo "on stdout"
                echo "on stderr" >&2
                exit 3
                """, Duration.ofSeconds(120));
        assertEquals(3, run.exitCode());
        assertEquals("on stdout\n", run.stdout());
        assertTrue(run.stderr().startsWith("on stderr\n"), run.stderr());
        assertEquals("partial", run.text("nested/result"));
    }

    @Test
    void aScriptThatOverrunsItsTimeoutIsKilledAndReportedWithTheConsoleLog() {
        // 5 s: the guest is killed whether or not it reached the script yet; both are reported.
        IOException error = assertThrows(IOException.class,
                () -> QemuGuest.run("sleep 600\n", Duration.ofSeconds(5)));
        String message = error.getMessage();
        assertTrue(message.contains("run-in-guest exited 124"), message);
        assertTrue(message.contains("the script did not finish within 5s"), message);
        assertTrue(message.contains("---- guest console log"), message);
    }
}
