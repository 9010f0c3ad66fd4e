package dev.fulcrum.log.internal;

import org.osgi.framework.Bundle;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.Logger;
import org.osgi.service.log.admin.LoggerAdmin;
import org.osgi.service.log.admin.LoggerContext;

/**
 * Whether an entry passes the levels in force now. Needed because not everything in the log went
 * through a level check: Felix Log 1.3 records the framework events (Compendium R7, 101.6) at
 * their fixed level whatever the configuration says, and the entries kept from before start-up
 * were checked against the levels of that moment.
 */
final class EffectiveLevels {

    private final LoggerAdmin admin;

    EffectiveLevels(LoggerAdmin admin) {
        this.admin = admin;
    }

    boolean admits(LogEntry entry) {
        String name = entry.getLoggerName() == null ? Logger.ROOT_LOGGER_NAME : entry.getLoggerName();
        LogLevel effective = contextOf(entry.getBundle()).getEffectiveLogLevel(name);
        return effective.implies(entry.getLogLevel());
    }

    /**
     * The bundle's Logger Context as the LoggerAdmin contract defines it: the first non-empty of
     * {@code bsn|version|location}, {@code bsn|version}, {@code bsn}, else the {@code bsn} context,
     * which inherits from the root context. No bundle: the root context.
     */
    LoggerContext contextOf(Bundle bundle) {
        if (bundle == null || bundle.getSymbolicName() == null) {
            return admin.getLoggerContext(null);
        }
        String name = bundle.getSymbolicName();
        String withVersion = name + "|" + bundle.getVersion();
        for (String candidate : new String[] {withVersion + "|" + bundle.getLocation(), withVersion}) {
            LoggerContext context = admin.getLoggerContext(candidate);
            if (!context.isEmpty()) {
                return context;
            }
        }
        return admin.getLoggerContext(name);
    }
}
