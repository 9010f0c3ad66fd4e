package dev.fulcrum.log.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.admin.LoggerAdmin;
import org.osgi.service.log.admin.LoggerContext;

/** Stand-ins for the log service's types, just as far as the tests here use them. */
final class LogFakes {

    private LogFakes() {
    }

    /** A Logger Context resolving names the way R7 defines it: a.b.c, a.b, a, ROOT, then the parent. */
    static final class Context implements LoggerContext {
        private final String name;
        private final Context parent;
        private final LogLevel rootDefault;
        private Map<String, LogLevel> levels = new HashMap<>();

        Context(String name, Context parent, LogLevel rootDefault) {
            this.name = name;
            this.parent = parent;
            this.rootDefault = rootDefault;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public LogLevel getEffectiveLogLevel(String logger) {
            for (String n = logger; ; n = n.contains(".") ? n.substring(0, n.lastIndexOf('.')) : "ROOT") {
                if (levels.containsKey(n)) {
                    return levels.get(n);
                }
                if (n.equals("ROOT")) {
                    return parent == null ? rootDefault : parent.getEffectiveLogLevel(logger);
                }
            }
        }

        @Override
        public Map<String, LogLevel> getLogLevels() {
            return new HashMap<>(levels);
        }

        @Override
        public void setLogLevels(Map<String, LogLevel> logLevels) {
            levels = new HashMap<>(logLevels);
        }

        @Override
        public void clear() {
            levels = new HashMap<>();
        }

        @Override
        public boolean isEmpty() {
            return levels.isEmpty();
        }
    }

    /** Named contexts on demand, all inheriting from one root with default level INFO. */
    static final class Admin implements LoggerAdmin {
        final Context root = new Context(null, null, LogLevel.INFO);
        private final Map<String, Context> contexts = new HashMap<>();

        @Override
        public LoggerContext getLoggerContext(String name) {
            return name == null ? root : context(name);
        }

        Context context(String name) {
            return contexts.computeIfAbsent(name, n -> new Context(n, root, null));
        }
    }

    static Bundle bundle(String symbolicName, String version, String location) {
        return (Bundle) Proxy.newProxyInstance(LogFakes.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> symbolicName;
                    case "getVersion" -> Version.parseVersion(version);
                    case "getLocation" -> location;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static LogEntry entry(Bundle bundle, String loggerName, LogLevel level) {
        return (LogEntry) Proxy.newProxyInstance(LogFakes.class.getClassLoader(), new Class<?>[] {LogEntry.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> bundle;
                    case "getLoggerName" -> loggerName;
                    case "getLogLevel" -> level;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
