package dev.fulcrum.log.internal;

import java.util.function.Function;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.Logger;

/**
 * A java.util.logging handler writing each record into the OSGi log, under an OSGi logger of the
 * record's JUL logger name, so that JUL users (Jersey, Aries SPI Fly) log like everybody else:
 * one line on stdout, levels from the Log Admin.
 */
final class JulToOsgiHandler extends Handler {

    /** Only its formatMessage is used: resource bundles and {0} parameters, no layout. */
    private static final Formatter MESSAGES = new SimpleFormatter();

    private final Function<String, Logger> loggers;

    /** @param loggers the OSGi logger for a logger name */
    JulToOsgiHandler(Function<String, Logger> loggers) {
        this.loggers = loggers;
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null || !isLoggable(record)) {
            return;
        }
        String name = record.getLoggerName();
        Logger logger = loggers.apply(name == null || name.isEmpty() ? Logger.ROOT_LOGGER_NAME : name);
        LogLevel level = levelOf(record.getLevel());
        if (!enabled(logger, level)) {
            return; // the OSGi level says no: skip formatting
        }
        // The formatted text is an argument, never the format: braces in it stay as they are.
        String text = MESSAGES.formatMessage(record);
        Throwable thrown = record.getThrown();
        switch (level) {
            case ERROR -> logger.error("{}", text, thrown);
            case WARN -> logger.warn("{}", text, thrown);
            case INFO -> logger.info("{}", text, thrown);
            case DEBUG -> logger.debug("{}", text, thrown);
            default -> logger.trace("{}", text, thrown);
        }
    }

    /** SEVERE→ERROR, WARNING→WARN, INFO and CONFIG→INFO, FINE→DEBUG, FINER and FINEST→TRACE. */
    static LogLevel levelOf(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return LogLevel.ERROR;
        }
        if (value >= Level.WARNING.intValue()) {
            return LogLevel.WARN;
        }
        if (value >= Level.CONFIG.intValue()) {
            return LogLevel.INFO;
        }
        if (value >= Level.FINE.intValue()) {
            return LogLevel.DEBUG;
        }
        return LogLevel.TRACE;
    }

    private static boolean enabled(Logger logger, LogLevel level) {
        return switch (level) {
            case ERROR -> logger.isErrorEnabled();
            case WARN -> logger.isWarnEnabled();
            case INFO -> logger.isInfoEnabled();
            case DEBUG -> logger.isDebugEnabled();
            default -> logger.isTraceEnabled();
        };
    }

    @Override
    public void flush() {
        // nothing buffered: every record went to the log service in publish
    }

    @Override
    public void close() {
        // nothing to release: the log service belongs to the framework
    }
}
