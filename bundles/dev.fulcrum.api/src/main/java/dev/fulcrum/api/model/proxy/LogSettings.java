package dev.fulcrum.api.model.proxy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A proxy's logging (configuration.txt 4.2 "log", "option httplog", "option tcplog", "log-format",
 * "option dontlognull", "capture request header", "capture response header").
 *
 * @param global           {@code log global}: also send to the global section's targets
 * @param targets          the proxy's own targets
 * @param format           the log line format
 * @param dontLogNull      do not log connections that carried no data
 * @param custom           the {@code log-format} string: present exactly when {@code format} is
 *                         {@link LogFormat#CUSTOM}
 * @param requestCaptures  {@code capture request header} lines in file order (a frontend's only)
 * @param responseCaptures {@code capture response header} lines in file order
 */
public record LogSettings(boolean global, List<LogTarget> targets, LogFormat format, boolean dontLogNull,
        Optional<CustomLogFormat> custom, List<HeaderCapture> requestCaptures, List<HeaderCapture> responseCaptures) {

    /** No logging at all: HAProxy's default for a proxy without {@code log} lines. */
    public static final LogSettings NONE = new LogSettings(false, List.of(), LogFormat.DEFAULT, false);

    public LogSettings {
        targets = List.copyOf(targets);
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(custom, "custom");
        requestCaptures = List.copyOf(requestCaptures);
        responseCaptures = List.copyOf(responseCaptures);
        if (custom.isPresent() != (format == LogFormat.CUSTOM)) {
            throw new IllegalArgumentException("a log-format string goes with format CUSTOM only, was " + format);
        }
    }

    /** A predefined format (not {@link LogFormat#CUSTOM}) without captures. */
    public LogSettings(boolean global, List<LogTarget> targets, LogFormat format, boolean dontLogNull) {
        this(global, targets, format, dontLogNull, Optional.empty(), List.of(), List.of());
    }
}
