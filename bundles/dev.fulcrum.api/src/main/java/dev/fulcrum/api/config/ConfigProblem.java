package dev.fulcrum.api.config;

import java.util.Objects;

/**
 * One thing wrong with a configuration input.
 *
 * @param severity  an error rejects the input; a warning (e.g. --lenient) lets it through
 * @param location  where
 * @param offending the text found there (a keyword, a value), may be empty at end of input
 * @param message   what is wrong and what was expected, e.g.
 *                  "unknown keyword: expected vrrp_instance, vrrp_sync_group, vrrp_script, ..."
 */
public record ConfigProblem(Severity severity, SourceLocation location, String offending, String message) {

    /** Whether a problem rejects the input. */
    public enum Severity {
        ERROR,
        WARNING
    }

    public ConfigProblem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(offending, "offending");
        Objects.requireNonNull(message, "message");
    }

    public static ConfigProblem error(SourceLocation location, String offending, String message) {
        return new ConfigProblem(Severity.ERROR, location, offending, message);
    }

    public static ConfigProblem warning(SourceLocation location, String offending, String message) {
        return new ConfigProblem(Severity.WARNING, location, offending, message);
    }

    /** One line: {@code keepalived.conf:12:1: error: 'vrp_instance': unknown keyword: expected ...}. */
    public String format() {
        return location + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": "
                + (offending.isEmpty() ? "" : "'" + offending + "': ") + message;
    }
}
