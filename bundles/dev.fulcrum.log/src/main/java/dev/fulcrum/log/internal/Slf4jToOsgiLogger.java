package dev.fulcrum.log.internal;

import org.osgi.framework.Bundle;
import org.osgi.service.log.LoggerFactory;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * One SLF4J logger writing into the OSGi log. SLF4J formats the message ("{}" placeholders);
 * the formatted text is handed to the OSGi logger as an argument, never as a format, so braces
 * in the text stay as they are.
 */
final class Slf4jToOsgiLogger extends AbstractLogger {

    private static final long serialVersionUID = 1L;

    private final transient Bundle owner;
    private final transient ServiceTracker<LoggerFactory, LoggerFactory> osgiLoggers;

    Slf4jToOsgiLogger(String name, Bundle owner, ServiceTracker<LoggerFactory, LoggerFactory> osgiLoggers) {
        this.name = name;
        this.owner = owner;
        this.osgiLoggers = osgiLoggers;
    }

    private org.osgi.service.log.Logger target() {
        LoggerFactory factory = osgiLoggers == null ? null : osgiLoggers.getService();
        if (factory == null) {
            return null;
        }
        return owner == null
                ? factory.getLogger(name)
                : factory.getLogger(owner, name, org.osgi.service.log.Logger.class);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                               Throwable throwable) {
        org.osgi.service.log.Logger logger = target();
        if (logger == null) {
            return;
        }
        String text = MessageFormatter.basicArrayFormat(pattern, arguments);
        switch (level) {
            case ERROR -> logger.error("{}", text, throwable);
            case WARN -> logger.warn("{}", text, throwable);
            case INFO -> logger.info("{}", text, throwable);
            case DEBUG -> logger.debug("{}", text, throwable);
            case TRACE -> logger.trace("{}", text, throwable);
        }
    }

    private boolean enabled(Level level) {
        org.osgi.service.log.Logger logger = target();
        if (logger == null) {
            return false;
        }
        return switch (level) {
            case ERROR -> logger.isErrorEnabled();
            case WARN -> logger.isWarnEnabled();
            case INFO -> logger.isInfoEnabled();
            case DEBUG -> logger.isDebugEnabled();
            case TRACE -> logger.isTraceEnabled();
        };
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isTraceEnabled(Marker marker) {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isDebugEnabled(Marker marker) {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isInfoEnabled(Marker marker) {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isWarnEnabled(Marker marker) {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    @Override
    public boolean isErrorEnabled(Marker marker) {
        return enabled(Level.ERROR);
    }
}
