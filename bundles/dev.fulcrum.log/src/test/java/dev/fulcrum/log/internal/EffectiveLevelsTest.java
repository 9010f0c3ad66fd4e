package dev.fulcrum.log.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.service.log.LogLevel;

class EffectiveLevelsTest {

    private final LogFakes.Admin admin = new LogFakes.Admin();
    private final EffectiveLevels levels = new EffectiveLevels(admin);
    private final Bundle scr = LogFakes.bundle("org.apache.felix.scr", "2.2.18", "file:/app/bundles/scr.jar");

    @Test
    void eventsBelowTheRootContextsLevelForTheirNameAreNotAdmitted() {
        admin.root.setLogLevels(Map.of("Events.Service", LogLevel.WARN));
        assertFalse(levels.admits(LogFakes.entry(scr, "Events.Service.org.apache.felix.scr", LogLevel.INFO)));
        assertTrue(levels.admits(LogFakes.entry(scr, "Events.Service.org.apache.felix.scr", LogLevel.ERROR)));
        assertTrue(levels.admits(LogFakes.entry(scr, "Events.Framework.org.apache.felix.scr", LogLevel.INFO)));
        assertFalse(levels.admits(LogFakes.entry(scr, "some.logger", LogLevel.DEBUG)));
        assertTrue(levels.admits(LogFakes.entry(null, null, LogLevel.INFO)));
    }

    @Test
    void theBundlesOwnContextOverridesTheRoot() {
        admin.root.setLogLevels(Map.of("Events.Service", LogLevel.WARN));
        admin.context("org.apache.felix.scr").setLogLevels(Map.of("Events", LogLevel.DEBUG));
        assertTrue(levels.admits(LogFakes.entry(scr, "Events.Service.org.apache.felix.scr", LogLevel.DEBUG)));
        Bundle other = LogFakes.bundle("other", "1.0.0", "file:/other.jar");
        assertFalse(levels.admits(LogFakes.entry(other, "Events.Service.other", LogLevel.INFO)));
    }

    @Test
    void theLongestNonEmptyContextNameWins() {
        admin.context("org.apache.felix.scr").setLogLevels(Map.of("ROOT", LogLevel.ERROR));
        assertSame(admin.context("org.apache.felix.scr"), levels.contextOf(scr));
        admin.context("org.apache.felix.scr|2.2.18").setLogLevels(Map.of("ROOT", LogLevel.WARN));
        assertSame(admin.context("org.apache.felix.scr|2.2.18"), levels.contextOf(scr));
        admin.context("org.apache.felix.scr|2.2.18|file:/app/bundles/scr.jar").setLogLevels(Map.of("ROOT", LogLevel.TRACE));
        assertTrue(levels.admits(LogFakes.entry(scr, "x", LogLevel.TRACE)));
    }
}
