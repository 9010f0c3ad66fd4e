package dev.fulcrum.api.os;

import java.time.Duration;
import java.util.Objects;

/**
 * How a program ended.
 *
 * @param exitCode the exit status, or 128 + signal number when a signal ended it
 * @param stdout   standard output, decoded as UTF-8
 * @param stderr   standard error, decoded as UTF-8
 * @param elapsed  wall-clock time from start to exit
 * @param timedOut true when Fulcrum killed the program at its time limit
 */
public record ProcessResult(int exitCode, String stdout, String stderr, Duration elapsed, boolean timedOut) {

    public ProcessResult {
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    public boolean succeeded() {
        return exitCode == 0 && !timedOut;
    }

    /** A one-line account for logs and error messages. */
    public String describe(Command command) {
        String how = timedOut ? "timed out after " + command.timeout().toMillis() + " ms"
                : "exited with status " + exitCode;
        String err = stderr.strip();
        return "'" + command + "' " + how + (err.isEmpty() ? "" : ": " + firstLine(err));
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
