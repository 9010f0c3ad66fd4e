package dev.fulcrum.syslog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Rfc3164Test {

    private static final LocalDateTime NOV_4 = LocalDateTime.of(2026, 11, 4, 9, 5, 7);

    private static String frame(Optional<String> hostname, String message, int max) {
        return new String(Rfc3164.frame(Facility.LOCAL0, Severity.INFO, NOV_4, hostname, "haproxy", 4242, message, max),
                StandardCharsets.UTF_8);
    }

    @Test
    void haproxyDefaultFramingPadsTheDayWithASpaceAndEndsWithALineFeed() {
        assertEquals("<134>Nov  4 09:05:07 haproxy[4242]: hello world\n", frame(Optional.empty(), "hello world", 1024));
    }

    @Test
    void twoDigitDay() {
        byte[] datagram = Rfc3164.frame(Facility.DAEMON, Severity.ERR, LocalDateTime.of(2026, 2, 28, 23, 59, 59),
                Optional.empty(), "fulcrum", 1, "x", 1024);
        assertEquals("<27>Feb 28 23:59:59 fulcrum[1]: x\n", new String(datagram, StandardCharsets.US_ASCII));
    }

    @Test
    void logSendHostnameAddsTheHostBeforeTheTag() {
        assertEquals("<134>Nov  4 09:05:07 lb1 haproxy[4242]: hello\n", frame(Optional.of("lb1"), "hello", 1024));
    }

    @ParameterizedTest
    @CsvSource({"KERN, EMERG, 0", "LOCAL0, INFO, 134", "LOCAL7, DEBUG, 191", "AUTH2, NOTICE, 85", "CRON2, WARNING, 124"})
    void priorityIsFacilityTimesEightPlusSeverity(Facility facility, Severity severity, int priority) {
        assertEquals(priority, Rfc3164.priority(facility, severity));
    }

    @Test
    void longLinesAreCutToTheTargetLengthThenTheLineFeedFollows() {
        String framed = frame(Optional.empty(), "x".repeat(2000), 100);
        assertEquals(101, framed.length());
        assertTrue(framed.endsWith("xx\n"), framed);
    }

    @Test
    void aCutNeverSplitsAUtf8Sequence() {
        String header = "<134>Nov  4 09:05:07 haproxy[4242]: ";
        // "é" is two bytes: a cut after 5 body bytes falls inside the second one and moves back before it.
        byte[] datagram = Rfc3164.frame(Facility.LOCAL0, Severity.INFO, NOV_4, Optional.empty(), "haproxy", 4242,
                "ab" + "é".repeat(20), header.length() + 5);
        assertArrayEquals((header + "abé\n").getBytes(StandardCharsets.UTF_8), datagram);
    }

    @Test
    void keywordsMapToCodesAndUnknownOnesAreNamed() {
        assertEquals(16, Facility.fromKeyword("local0").code());
        assertEquals(6, Severity.fromKeyword("info").code());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Facility.fromKeyword("local8"));
        assertTrue(e.getMessage().contains("'local8'") && e.getMessage().contains("local7"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Severity.fromKeyword("warn"));
        assertTrue(e.getMessage().contains("'warn'") && e.getMessage().contains("warning"), e.getMessage());
    }

    @Test
    void facilityAndLevelNamesAreTheModelsNames() {
        assertEquals(dev.fulcrum.api.model.proxy.LogTarget.FACILITIES,
                java.util.Arrays.stream(Facility.values()).map(Facility::keyword).toList());
        assertEquals(dev.fulcrum.api.model.proxy.LogTarget.LEVELS,
                java.util.Arrays.stream(Severity.values()).map(Severity::keyword).toList());
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "ha proxy", "ha[1]", "tag:"})
    void aTagThatWouldBreakTheHeaderIsRejected(String tag) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rfc3164.frame(Facility.LOCAL0,
                Severity.INFO, NOV_4, Optional.empty(), tag, 1, "m", 1024));
        assertTrue(e.getMessage().startsWith("log-tag '" + tag + "'"), e.getMessage());
    }

    @Test
    void optionsRejectBadHostnameAndLength() {
        assertThrows(IllegalArgumentException.class, () -> new SyslogOptions(Optional.of("a b"), 1024));
        assertThrows(IllegalArgumentException.class, () -> new SyslogOptions(Optional.empty(), 10));
    }
}
