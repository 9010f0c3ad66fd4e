package dev.fulcrum.api.model.proxy;

import java.util.List;
import java.util.Objects;

/**
 * A proxy's logging (configuration.txt 4.2 "log", "option httplog", "option tcplog",
 * "option dontlognull").
 *
 * @param global      {@code log global}: also send to the global section's targets
 * @param targets     the proxy's own targets
 * @param format      the log line format
 * @param dontLogNull do not log connections that carried no data
 */
public record LogSettings(boolean global, List<LogTarget> targets, LogFormat format, boolean dontLogNull) {

    /** No logging at all: HAProxy's default for a proxy without {@code log} lines. */
    public static final LogSettings NONE = new LogSettings(false, List.of(), LogFormat.DEFAULT, false);

    public LogSettings {
        targets = List.copyOf(targets);
        Objects.requireNonNull(format, "format");
    }
}
