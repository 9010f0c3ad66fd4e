package dev.fulcrum.log.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

class LogLineFormatTest {

    private final LogLineFormat format = new LogLineFormat(ZoneOffset.UTC);

    @Test
    void linesCarryTimeLevelAndSource() {
        assertEquals("1970-01-01 00:00:01.500 INFO  [dev.fulcrum.deploy] installed greeter",
                format.format(1500, LogLevel.INFO, "dev.fulcrum.deploy", "installed greeter", null));
        assertEquals("1970-01-01 00:00:00.000 ERROR [x] ",
                format.format(0, LogLevel.ERROR, "x", null, null));
    }

    @Test
    void exceptionsFollowWithTheirTrace() {
        String line = format.format(0, LogLevel.WARN, "x", "failed", new IllegalStateException("boom"));
        String[] lines = line.split(System.lineSeparator());
        assertEquals("1970-01-01 00:00:00.000 WARN  [x] failed", lines[0]);
        assertEquals("java.lang.IllegalStateException: boom", lines[1]);
        assertTrue(lines[2].strip().startsWith("at dev.fulcrum.log.internal.LogLineFormatTest"), lines[2]);
    }
}
