package dev.fulcrum.log.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LoggerFactory;

/**
 * Routes java.util.logging into the OSGi log while this bundle runs: a {@link JulToOsgiHandler}
 * on the JUL root logger in place of JUL's ConsoleHandler, which would print two-line records on
 * stderr. The records are logged on behalf of this bundle, so their levels live in the Logger
 * Context {@code org.osgi.service.log.admin|dev.fulcrum.log}, by JUL logger name (for example
 * {@code org.glassfish.jersey=WARN}). JUL still drops records below its own root level (INFO)
 * before they reach the handler, so FINE output needs that level lowered as well.
 * <p>
 * The JUL root logger is JVM-wide: deactivation puts the ConsoleHandlers back, so JUL keeps
 * printing somewhere when the bridge is gone.
 */
@Component(service = {}, immediate = true)
public final class JulBridge {

    private final Logger root = Logger.getLogger("");
    private final JulToOsgiHandler handler;
    private final List<Handler> removed = new ArrayList<>();

    @Activate
    public JulBridge(@Reference LoggerFactory osgiLoggers) {
        handler = new JulToOsgiHandler(osgiLoggers::getLogger);
        for (Handler existing : root.getHandlers()) {
            if (existing instanceof ConsoleHandler) {
                root.removeHandler(existing);
                removed.add(existing);
            }
        }
        root.addHandler(handler);
    }

    @Deactivate
    void deactivate() {
        root.removeHandler(handler);
        List<Handler> present = List.of(root.getHandlers());
        removed.stream().filter(h -> !present.contains(h)).forEach(root::addHandler);
        removed.clear();
    }
}
