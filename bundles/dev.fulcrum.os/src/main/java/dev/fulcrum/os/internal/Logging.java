package dev.fulcrum.os.internal;

import org.osgi.service.log.Logger;

/**
 * Logging for components that also run without DS (ProbeMain, tests): there the injected
 * logger is null and the line is dropped.
 */
final class Logging {

    private Logging() {
    }

    static void debug(Logger log, String format, Object... arguments) {
        if (log != null) {
            log.debug(format, arguments);
        }
    }

    static void info(Logger log, String format, Object... arguments) {
        if (log != null) {
            log.info(format, arguments);
        }
    }

    static void warn(Logger log, String format, Object... arguments) {
        if (log != null) {
            log.warn(format, arguments);
        }
    }
}
