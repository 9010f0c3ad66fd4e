package dev.fulcrum.log.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

class QuietFrameworkEventsTest {

    @Test
    void serviceAndBundleEventsDefaultToWarnInTheRootContext() {
        LogFakes.Admin admin = new LogFakes.Admin();
        new QuietFrameworkEvents(admin);
        assertEquals(LogLevel.WARN, admin.root.getEffectiveLogLevel("Events.Service.org.apache.felix.scr"));
        assertEquals(LogLevel.WARN, admin.root.getEffectiveLogLevel("Events.Bundle.dev.fulcrum.os"));
        assertEquals(LogLevel.INFO, admin.root.getEffectiveLogLevel("Events.Framework.org.apache.felix.framework"));
    }

    @Test
    void explicitLevelsAreKept() {
        LogFakes.Admin admin = new LogFakes.Admin();
        admin.root.setLogLevels(Map.of("Events.Service", LogLevel.DEBUG, "ROOT", LogLevel.WARN));
        new QuietFrameworkEvents(admin);
        assertEquals(Map.of("Events.Service", LogLevel.DEBUG, "Events.Bundle", LogLevel.WARN, "ROOT", LogLevel.WARN),
                admin.root.getLogLevels());
    }
}
