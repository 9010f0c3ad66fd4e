package dev.fulcrum.config.internal;

import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.config.ConfigProblem;
import dev.fulcrum.api.config.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers every problem of one run, so a user sees all errors at once (as {@code haproxy -c}
 * does). In lenient mode an unsupported keyword is a warning instead of an error.
 */
public final class ProblemCollector {

    private final List<ConfigProblem> problems = new ArrayList<>();
    private final boolean lenient;

    public ProblemCollector(boolean lenient) {
        this.lenient = lenient;
    }

    public void error(SourceLocation location, String offending, String message) {
        problems.add(ConfigProblem.error(location, offending, message));
    }

    public void warning(SourceLocation location, String offending, String message) {
        problems.add(ConfigProblem.warning(location, offending, message));
    }

    /** A keyword Fulcrum does not implement: an error, or a warning in lenient mode. Never silent. */
    public void unsupported(SourceLocation location, String keyword, String context) {
        String message = "unsupported keyword in " + context;
        if (lenient) {
            warning(location, keyword, message + " (ignored: --lenient)");
        } else {
            error(location, keyword, message);
        }
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(problem -> problem.severity() == ConfigProblem.Severity.ERROR);
    }

    public List<ConfigProblem> problems() {
        return List.copyOf(problems);
    }

    /** Throws with every problem when any of them is an error. */
    public void throwIfErrors() throws ConfigException {
        if (hasErrors()) {
            throw new ConfigException(problems);
        }
    }
}
