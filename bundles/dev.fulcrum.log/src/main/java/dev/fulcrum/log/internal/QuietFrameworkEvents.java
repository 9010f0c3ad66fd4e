package dev.fulcrum.log.internal;

import java.util.HashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.admin.LoggerAdmin;
import org.osgi.service.log.admin.LoggerContext;

/**
 * The appliance's default levels for the framework events the log service itself records.
 * OSGi Compendium R7, 101.6 "Mapping of Events": every bundle event (101.6.1, logger name
 * {@code Events.Bundle}) and service event (101.6.2, {@code Events.Service}) is logged at INFO
 * (MODIFIED at DEBUG), which is one console line per registration and per bundle state change.
 * WARN for both keeps start-up readable; framework events (101.6.3, {@code Events.Framework}) keep
 * the configured level, so FrameworkEvent ERRORs (a bundle failing to start) still show.
 * <p>
 * Only names the root Logger Context has no level for are set, so an admin's explicit level wins.
 * When the admin supplies the PID {@code org.osgi.service.log.admin}, Felix Log replaces the root
 * context's levels with that configuration, and these defaults make way for it, as they should.
 * <p>
 * Registered as a service so that {@link ConsoleLogWriter} can depend on it: its replay of the
 * early entries must already see these levels.
 */
@Component(service = QuietFrameworkEvents.class)
public final class QuietFrameworkEvents {

    static final Map<String, LogLevel> DEFAULTS = Map.of(
            "Events.Service", LogLevel.WARN,
            "Events.Bundle", LogLevel.WARN);

    @Activate
    public QuietFrameworkEvents(@Reference LoggerAdmin admin) {
        LoggerContext root = admin.getLoggerContext(null);
        Map<String, LogLevel> explicit = root.getLogLevels();
        Map<String, LogLevel> levels = withDefaults(explicit);
        if (!levels.equals(explicit)) {
            root.setLogLevels(levels);
        }
        // Deliberately not undone on deactivation: these are the appliance's defaults, not state
        // of this component, and activating again (bundle update) finds them and changes nothing.
    }

    /** The explicit levels plus a default for every name that has none. */
    static Map<String, LogLevel> withDefaults(Map<String, LogLevel> explicit) {
        Map<String, LogLevel> levels = new HashMap<>(explicit);
        DEFAULTS.forEach(levels::putIfAbsent);
        return levels;
    }
}
