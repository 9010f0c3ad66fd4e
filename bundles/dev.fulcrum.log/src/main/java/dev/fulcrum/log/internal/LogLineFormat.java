package dev.fulcrum.log.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.osgi.service.log.LogLevel;

/**
 * One log entry as one text line (plus the stack trace of an attached exception):
 * {@code 2026-11-24 19:30:01.123 INFO  [dev.fulcrum.deploy] installed greeter 2.0.0}.
 * Pure, so the format is tested without a framework.
 */
final class LogLineFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final ZoneId zone;

    LogLineFormat(ZoneId zone) {
        this.zone = zone;
    }

    String format(long millis, LogLevel level, String source, String message, Throwable exception) {
        StringBuilder line = new StringBuilder(96)
                .append(TIME.format(Instant.ofEpochMilli(millis).atZone(zone)))
                .append(' ')
                .append(padded(level))
                .append(" [").append(source).append("] ")
                .append(message == null ? "" : message);
        if (exception != null) {
            StringWriter trace = new StringWriter();
            exception.printStackTrace(new PrintWriter(trace));
            line.append(System.lineSeparator()).append(trace.toString().stripTrailing());
        }
        return line.toString();
    }

    private static String padded(LogLevel level) {
        String name = level == LogLevel.AUDIT ? "AUDIT" : level.name();
        return (name + "     ").substring(0, 5);
    }
}
