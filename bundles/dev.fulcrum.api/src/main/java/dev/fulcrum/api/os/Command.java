package dev.fulcrum.api.os;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A program to run: an argument vector (never a shell string), a time limit, optionally another
 * user, extra environment and standard input.
 *
 * @param argv        program and arguments; argv[0] is looked up on PATH when it has no slash
 * @param timeout     the program is killed (SIGTERM, then SIGKILL) when it runs longer
 * @param user        run as this user (requires root); empty runs as Fulcrum itself
 * @param environment added to (and overriding) Fulcrum's environment
 * @param stdin       bytes written to the program's standard input, which is then closed
 */
public record Command(List<String> argv, Duration timeout, Optional<String> user,
                      Map<String, String> environment, byte[] stdin) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public Command {
        argv = List.copyOf(argv);
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(user, "user");
        environment = Map.copyOf(environment);
        stdin = stdin.clone();
        if (argv.isEmpty() || argv.get(0).isEmpty()) {
            throw new IllegalArgumentException("a command needs a program name");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }

    public static Command of(String... argv) {
        return new Command(List.of(argv), DEFAULT_TIMEOUT, Optional.empty(), Map.of(), new byte[0]);
    }

    public static Command of(List<String> argv) {
        return new Command(argv, DEFAULT_TIMEOUT, Optional.empty(), Map.of(), new byte[0]);
    }

    public Command withTimeout(Duration limit) {
        return new Command(argv, limit, user, environment, stdin);
    }

    public Command asUser(String name) {
        return new Command(argv, timeout, Optional.of(name), environment, stdin);
    }

    public Command withEnvironment(Map<String, String> variables) {
        return new Command(argv, timeout, user, variables, stdin);
    }

    public Command withInput(byte[] input) {
        return new Command(argv, timeout, user, environment, input);
    }

    public String program() {
        return argv.get(0);
    }

    @Override
    public byte[] stdin() {
        return stdin.clone();
    }

    /** For logs: the argument vector as the user would type it (not for execution). */
    @Override
    public String toString() {
        return String.join(" ", argv);
    }
}
