package dev.fulcrum.log.internal;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.log.LoggerFactory;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/**
 * Hands out SLF4J loggers that forward to the OSGi log on behalf of the bundle that asked for
 * them, so that per-bundle levels (Log Admin) and the bundle shown in each line are right.
 */
final class Slf4jLoggerFactory implements ILoggerFactory {

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final ServiceTracker<LoggerFactory, LoggerFactory> osgiLoggers;
    private final ConcurrentMap<String, Logger> cache = new ConcurrentHashMap<>();

    Slf4jLoggerFactory(ServiceTracker<LoggerFactory, LoggerFactory> osgiLoggers) {
        this.osgiLoggers = osgiLoggers;
    }

    @Override
    public Logger getLogger(String name) {
        Bundle caller = callingBundle();
        String key = (caller == null ? "" : caller.getBundleId() + "/") + name;
        return cache.computeIfAbsent(key, k -> new Slf4jToOsgiLogger(name, caller, osgiLoggers));
    }

    /** The first frame outside SLF4J and this bundle: the class whose bundle owns the logger. */
    private static Bundle callingBundle() {
        Optional<Class<?>> caller = WALKER.walk(frames -> frames
                .map(StackWalker.StackFrame::getDeclaringClass)
                .filter(type -> !type.getName().startsWith("org.slf4j.")
                        && !type.getPackageName().equals(Slf4jLoggerFactory.class.getPackageName()))
                .findFirst());
        return caller.map(FrameworkUtil::getBundle).orElse(null);
    }
}
