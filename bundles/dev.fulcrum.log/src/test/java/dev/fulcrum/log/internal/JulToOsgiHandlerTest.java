package dev.fulcrum.log.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.Logger;

class JulToOsgiHandlerTest {

    /** One call on an OSGi logger: which logger, which method, which arguments. */
    private record Call(String logger, String method, Object[] args) {
    }

    private final List<Call> calls = new ArrayList<>();
    private Set<String> enabled = Set.of("isErrorEnabled", "isWarnEnabled", "isInfoEnabled");
    private final JulToOsgiHandler handler = new JulToOsgiHandler(this::logger);

    private Logger logger(String name) {
        return (Logger) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("is")) {
                        return enabled.contains(method.getName());
                    }
                    calls.add(new Call(name, method.getName(), args));
                    return null;
                });
    }

    @Test
    void julLevelsMapOntoOsgiLevels() {
        assertEquals(LogLevel.ERROR, JulToOsgiHandler.levelOf(Level.SEVERE));
        assertEquals(LogLevel.WARN, JulToOsgiHandler.levelOf(Level.WARNING));
        assertEquals(LogLevel.INFO, JulToOsgiHandler.levelOf(Level.INFO));
        assertEquals(LogLevel.INFO, JulToOsgiHandler.levelOf(Level.CONFIG));
        assertEquals(LogLevel.DEBUG, JulToOsgiHandler.levelOf(Level.FINE));
        assertEquals(LogLevel.TRACE, JulToOsgiHandler.levelOf(Level.FINER));
        assertEquals(LogLevel.TRACE, JulToOsgiHandler.levelOf(Level.FINEST));
    }

    @Test
    void recordsArriveFormattedUnderTheirLoggerNameWithTheirException() {
        LogRecord record = new LogRecord(Level.WARNING, "Registered provider {0} of {1}");
        record.setLoggerName("org.apache.aries.spifly.BaseActivator");
        record.setParameters(new Object[] {"x.Provider", "{}"});
        IllegalStateException thrown = new IllegalStateException("boom");
        record.setThrown(thrown);
        handler.publish(record);

        assertEquals(1, calls.size());
        Call call = calls.get(0);
        assertEquals("org.apache.aries.spifly.BaseActivator", call.logger());
        assertEquals("warn", call.method());
        assertArrayEquals(new Object[] {"{}", "Registered provider x.Provider of {}", thrown}, call.args());
    }

    @Test
    void recordsTheOsgiLevelDisablesAreDroppedAndTheRootLoggerIsRoot() {
        LogRecord fine = new LogRecord(Level.FINE, "detail");
        fine.setLoggerName("org.glassfish.jersey");
        handler.publish(fine);
        assertTrue(calls.isEmpty());

        enabled = Set.of("isDebugEnabled");
        handler.publish(fine);
        handler.publish(new LogRecord(Level.FINE, "from the root logger"));
        assertEquals(List.of("org.glassfish.jersey", "ROOT"), calls.stream().map(Call::logger).toList());
        assertEquals("debug", calls.get(1).method());
    }
}
